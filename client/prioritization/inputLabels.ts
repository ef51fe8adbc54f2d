/** How the panel names each input: value/effort's words when WSJF is not on, WSJF's when it is. */
import type { Framework, ScoreInput } from '../../shared/index.js';

const LABELS: Record<ScoreInput, { name: string; unit?: string }> = {
  reach: { name: 'Reach', unit: 'per quarter' },
  impact: { name: 'Impact' },
  confidence: { name: 'Confidence', unit: '%' },
  effortMonths: { name: 'Effort', unit: 'person-months' },
  businessValue: { name: 'Business value', unit: '1–20' },
  timeCriticality: { name: 'Time criticality', unit: '1–20' },
  riskReduction: { name: 'Risk reduction', unit: '1–20' },
  jobSize: { name: 'Job size', unit: '1–20' },
};

export function inputLabel(input: ScoreInput, frameworks: readonly Framework[]): { name: string; unit?: string } {
  if (!frameworks.includes('wsjf') && frameworks.includes('value-effort')) {
    if (input === 'businessValue') return { name: 'Value', unit: '1–20' };
    if (input === 'jobSize') return { name: 'Effort', unit: '1–20' };
  }
  return LABELS[input];
}
