import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { requestLogLevel } from '../src/config/logger';

function answered(status: number): [IncomingMessage, ServerResponse] {
  const req = new IncomingMessage(new Socket());
  const res = new ServerResponse(req);
  res.statusCode = status;
  return [req, res];
}

describe('request log level', () => {
  it.each([
    [200, 'info'],
    [201, 'info'],
    [400, 'info'],
    [404, 'info'],
    [409, 'info'],
    [422, 'info'],
    [401, 'warn'],
    [403, 'warn'],
    [429, 'warn'],
    [500, 'error'],
    [503, 'error'],
  ] as const)('%i → %s', (status, level) => {
    const [req, res] = answered(status);
    expect(requestLogLevel(req, res)).toBe(level);
  });

  it('is an error whenever the request failed with an exception', () => {
    const [req, res] = answered(200);
    expect(requestLogLevel(req, res, new Error('socket hang up'))).toBe('error');
  });
});
