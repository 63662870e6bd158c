import { forgetRateGates } from '../../nodes/shared/rateGate';

// Rate gates live for the whole process (one per credential); tests share credential ids, so without
// this a test would inherit the pacing of the test before it.
beforeEach(() => forgetRateGates());
