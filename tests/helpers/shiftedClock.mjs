/**
 * Loaded with `node --import` into a service process a test starts (see twoInstances.ts `clockShiftMs`): the process's
 * clock reads TEST_CLOCK_SHIFT_MS later than the real one and keeps running, so work that happens only in working hours
 * (the reminder sweep) runs whatever the day the tests run on. Test-only: the service has no clock setting of its own.
 */
const shift = Number(process.env.TEST_CLOCK_SHIFT_MS ?? 0);
const RealDate = Date;

class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + shift);
    else super(...args);
  }

  static now() {
    return RealDate.now() + shift;
  }
}

globalThis.Date = ShiftedDate;
