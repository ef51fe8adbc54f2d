/** What a visitor sees when the relay refuses to open a board (it requires an invite). */
export function NoAccess({ reason }: { reason: string }) {
  return (
    <main className="no-access">
      <h1>This board needs an invite</h1>
      <p>The relay refused to open it: {reason}.</p>
      <p>Ask a facilitator of the board for a new invite link.</p>
      <a href="/">All boards</a>
    </main>
  );
}
