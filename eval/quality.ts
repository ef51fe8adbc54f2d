/** Placeholder until the quality evaluation is written: fails loudly rather than report nothing. */
export async function evaluateQuality(_data: string): Promise<string> {
  throw new Error('the quality evaluation is not written yet');
}
