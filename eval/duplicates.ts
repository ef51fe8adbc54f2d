/** Placeholder until the duplicates evaluation is written: fails loudly rather than report nothing. */
export async function evaluateDuplicates(_data: string): Promise<string> {
  throw new Error('the duplicates evaluation is not written yet');
}
