// What the live feed keeps of a pop: the pop report every consumer of outcomes shares.
import type { PopReport } from '../../../../shared/pop-report';
import pops from '../../../../shared/pop-report?json-schema';
import { guard } from '../../../lib/schema';

export type PopSummary = PopReport;

/** Messages from other tabs are untrusted input like any other. */
export const isPopSummary = guard<PopSummary>(pops.PopReport, 'PopReport');
