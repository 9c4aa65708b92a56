import type { RouteEventType, RouteStatus } from '@kasian/workflow';
import { numberingMomentOf } from './route-numbering.service';

const event = (type: RouteEventType, status: RouteStatus) => ({ type, status });

describe('numberingMomentOf', () => {
  it('numbers at sign-off: the action that completes the route, whichever it is', () => {
    expect(numberingMomentOf(event('DECIDED', 'COMPLETED'))).toBe('SIGN_OFF');
    expect(numberingMomentOf(event('SUBMITTED', 'COMPLETED'))).toBe('SIGN_OFF');
    expect(numberingMomentOf(event('RESUBMITTED', 'COMPLETED'))).toBe('SIGN_OFF');
  });

  it('offers the first submission to registers that reserve numbers then', () => {
    expect(numberingMomentOf(event('SUBMITTED', 'IN_ROUTE'))).toBe('SUBMIT');
  });

  it('leaves every other action alone: no query, no lock', () => {
    for (const [type, status] of [
      ['DECIDED', 'IN_ROUTE'],
      ['REJECTED', 'REJECTED'],
      ['RETURNED', 'RETURNED'],
      ['RESUBMITTED', 'IN_ROUTE'],
      ['RECALLED', 'RETURNED'],
      ['CANCELLED', 'CANCELLED'],
      ['CREATED', 'DRAFT'],
    ] as const)
      expect(numberingMomentOf(event(type, status))).toBeNull();
  });
});
