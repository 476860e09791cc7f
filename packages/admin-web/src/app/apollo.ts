import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { hasErrorCode } from '@/shared/errors';
import { ServerError } from '@apollo/client/errors';

/** The cache: embedded value objects merge into their parent instead of replacing each other. */
export function createCache(): InMemoryCache {
  const merge = { merge: true } as const;
  return new InMemoryCache({
    typePolicies: {
      Carrier: { keyFields: ['code'] },
      RiskRule: { keyFields: ['code'] },
      PaymentChannel: { keyFields: ['channel'] },
      Amounts: merge,
      Money: merge,
      Receiver: merge,
      Customer: merge,
      Invoice: merge,
      LineAllocations: merge,
    },
  });
}

/** Operations that answer UNAUTHENTICATED as a normal outcome, not as "the session is gone". */
const SIGN_IN_OPERATIONS = new Set(['Login']);

export interface ApolloClientOptions {
  /** Called when the server says the session is missing or expired. */
  readonly onUnauthenticated: () => void;
  /** The terminating link; the real one is HTTP to `/graphql` with the session cookie. */
  readonly link?: ApolloLink;
}

/** The console's Apollo Client: data masking on, the HttpOnly session cookie sent same-origin. */
export function createApolloClient({ onUnauthenticated, link }: ApolloClientOptions): ApolloClient {
  const sessionLink = new ErrorLink(({ error, operation }) => {
    if (SIGN_IN_OPERATIONS.has(operation.operationName ?? '')) return;
    if (hasErrorCode(error, 'UNAUTHENTICATED') || (ServerError.is(error) && error.statusCode === 401)) {
      onUnauthenticated();
    }
  });
  const http = link ?? new HttpLink({ uri: '/graphql', credentials: 'same-origin' });
  return new ApolloClient({
    link: ApolloLink.from([sessionLink, http]),
    cache: createCache(),
    dataMasking: true,
  });
}
