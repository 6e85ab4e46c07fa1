import { describe, expect, it } from '@jest/globals';
import { StoreUnavailableError } from '../../../../data/errors.js';
import { connectionFailureReason, storeError } from '../../../../data/store/postgres/connectionFailures.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('telling a database that cannot be reached apart from a bad query', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'), /cannot be reached \(ECONNREFUSED\)/],
    ['a connection reset', withCode('ECONNRESET'), /ECONNRESET/],
    ['an unknown host name', withCode('ENOTFOUND'), /ENOTFOUND/],
    ['the server shutting down', withCode('57P01', 'terminating connection due to administrator command'), /shutting down \(57P01/],
    ['the server starting up', withCode('57P03', 'the database system is starting up'), /57P03 cannot_connect_now/],
    ['the server out of connections', withCode('53300'), /no connection free/],
    ['a connection exception (class 08)', withCode('08006'), /connection to the database failed \(08006\)/],
    ['pg giving up on a slow connect', new Error('Connection terminated due to connection timeout'), /timed out/],
    ['the pool finding no free connection in time', new Error('timeout exceeded when trying to connect'), /came free/],
    ['a connection dropped mid-query', new Error('Connection terminated unexpectedly'), /dropped/],
    ['a query on a dropped connection', new Error('Client has encountered a connection error and is not queryable'), /dropped/],
    ['no answer to a query', new Error('Query read timeout'), /stopped answering/],
    [
      'every address of a name refusing',
      new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'connect failed'),
      /ECONNREFUSED/,
    ],
  ])('counts %s as the database being unreachable', (_name, error, reason) => {
    expect(connectionFailureReason(error)).toMatch(reason);
    const translated = storeError(error);
    expect(translated).toBeInstanceOf(StoreUnavailableError);
    expect((translated as StoreUnavailableError).message).toMatch(/^The database cannot be reached \(/);
  });

  it.each([
    ['a unique violation', withCode('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error', withCode('42601', 'syntax error at or near "SELEC"')],
    ['a statement timeout (a slow query, not an outage)', withCode('57014', 'canceling statement due to statement timeout')],
    ['a bug in our code', new TypeError('Cannot read properties of undefined')],
    ['something that is not an error', 'oops'],
  ])('leaves %s as it is', (_name, error) => {
    expect(connectionFailureReason(error)).toBeUndefined();
    expect(storeError(error)).toBe(error);
  });

  it('never quotes the message it was given, so a connection string in it cannot reach a log', () => {
    const error = withCode('ECONNREFUSED', 'connect ECONNREFUSED postgres://admin:s3cret@db.example:5432/ucp');
    expect((storeError(error) as Error).message).not.toMatch(/s3cret|admin|db\.example/);
  });
});
