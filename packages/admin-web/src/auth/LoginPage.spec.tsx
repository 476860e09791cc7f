import { cleanup, fireEvent, screen } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { LoginDocument } from '@/gql/graphql';
import { renderPage } from '@/testing/render';
import { LoginPage } from './LoginPage';

afterEach(cleanup);

const variables = { username: 'agent', password: 'agent123' };

function signIn() {
  fireEvent.change(screen.getByTestId('login-username'), { target: { value: variables.username } });
  fireEvent.change(screen.getByTestId('login-password'), { target: { value: variables.password } });
  fireEvent.click(screen.getByTestId('login-submit'));
}

describe('the login page', () => {
  it('goes to the page asked for after signing in', async () => {
    renderPage(<LoginPage />, {
      path: '/login',
      url: '/login?next=%2Forders%3Fstatus%3DPAID',
      mocks: [
        {
          request: { query: LoginDocument, variables },
          result: {
            data: {
              login: {
                __typename: 'LoginPayload',
                staff: {
                  __typename: 'Staff',
                  id: '1',
                  username: 'agent',
                  displayName: '客服',
                  role: 'AGENT',
                },
              },
            },
          },
        },
      ],
    });
    signIn();
    expect((await screen.findByTestId('location')).textContent).toBe('/orders?status=PAID');
  });

  it('says the credentials are wrong, and stays', async () => {
    renderPage(<LoginPage />, {
      path: '/login',
      url: '/login',
      mocks: [
        {
          request: { query: LoginDocument, variables },
          result: { errors: [new GraphQLError('no', { extensions: { code: 'UNAUTHENTICATED' } })] },
        },
      ],
    });
    signIn();
    expect((await screen.findByTestId('login-error')).textContent).toBe('用户名或密码错误，请重新输入。');
    expect(screen.queryByTestId('location')).toBeNull();
  });

  it('says to wait when throttled', async () => {
    renderPage(<LoginPage />, {
      path: '/login',
      url: '/login',
      language: 'en',
      mocks: [
        {
          request: { query: LoginDocument, variables },
          result: { errors: [new GraphQLError('slow down', { extensions: { code: 'RATE_LIMITED' } })] },
        },
      ],
    });
    signIn();
    expect((await screen.findByTestId('login-error')).textContent).toBe(
      'Too many attempts. Please wait a moment and try again.',
    );
  });

  it('asks for both fields before calling the server', async () => {
    renderPage(<LoginPage />, { path: '/login', url: '/login' });
    fireEvent.click(screen.getByTestId('login-submit'));
    expect((await screen.findByTestId('login-error')).textContent).toBe('请输入用户名和密码。');
  });
});
