import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage } from '@/testing/render';
import { LoadingState } from './States';

afterEach(cleanup);

describe('LoadingState', () => {
  it('is a named skeleton while the data is on its way', () => {
    renderPage(<LoadingState error={undefined} onRetry={() => undefined} height={120} />, {
      path: '/',
      url: '/',
    });
    expect(screen.getByLabelText('加载中…')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('is the error, with a retry, once loading failed', () => {
    const onRetry = vi.fn();
    renderPage(<LoadingState error={new Error('boom')} onRetry={onRetry} height={120} />, {
      path: '/',
      url: '/',
    });
    expect(screen.queryByLabelText('加载中…')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(onRetry).toHaveBeenCalled();
  });
});
