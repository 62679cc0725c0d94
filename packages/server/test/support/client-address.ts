import http from 'node:http';
import type { GraphQLResponse } from '../portal';

/**
 * POSTs a GraphQL request from a chosen loopback address (127.0.0.0/8 is all the machine's own
 * on Linux): the server sees a different client IP per address, as it would for different
 * machines, without trusting any header. fetch cannot choose its source address.
 */
export function gqlFrom<T = Record<string, unknown>>(
  portalUrl: string,
  localAddress: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const url = new URL('/graphql', portalUrl);
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          try {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Pick<
              GraphQLResponse<T>,
              'data' | 'errors'
            >;
            const responseHeaders = new Headers();
            for (const [name, value] of Object.entries(response.headers))
              if (typeof value === 'string') responseHeaders.set(name, value);
            resolve({ status: response.statusCode ?? 0, ...parsed, headers: responseHeaders });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
