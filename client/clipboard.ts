/**
 * Copying text. `navigator.clipboard` exists only in secure contexts (HTTPS,
 * localhost): a teammate who opens the relay at http://<LAN address> has
 * none, so there the text is selected in a hidden field and copied with the
 * older `execCommand('copy')`, which works during a click anywhere.
 */
export async function copyText(text: string): Promise<boolean> {
  if (navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission, say): try the other way.
    }
  }
  return copyBySelection(text);
}

function copyBySelection(text: string): boolean {
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const field = document.createElement('textarea');
  field.value = text;
  field.readOnly = true;
  field.setAttribute('aria-hidden', 'true');
  field.style.position = 'fixed';
  field.style.top = '0';
  field.style.opacity = '0';
  // Outside an open modal <dialog> everything is inert, so the field goes beside the button that was clicked.
  (previous?.closest('dialog') ?? document.body).append(field);
  field.select();
  let copied: boolean;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  field.remove();
  previous?.focus();
  return copied;
}
