/** On a relay that requires invites, the home page says how to get in instead of offering a board it would refuse. */
export function InviteOnly() {
  return (
    <section className="invite-only" aria-labelledby="invite-only-title">
      <h2 id="invite-only-title">Boards on this relay open by invite</h2>
      <p>Open the invite link a facilitator sent you; the board then appears under Recent boards on this device.</p>
      <p>
        To start a new board, whoever runs the relay makes the first facilitator’s link on its host, with the relay’s <code>AUTH_SECRET</code> in the
        environment:
      </p>
      <pre className="command">npm run invite -- new facilitator</pre>
      <p className="hint">Facilitators then invite the rest of the team from the board (Invite).</p>
    </section>
  );
}
