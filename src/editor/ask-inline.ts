/**
 * `input()` in an editor: a text field in the output area, after what the
 * code printed so far. Enter answers; Escape answers nothing (`EOFError` in
 * Python). The field then turns into a line of output, the prompt and the
 * answer, as a terminal would show them.
 */
export function askInline(place: HTMLElement, prompt: string): Promise<string | null> {
  const line = place.ownerDocument.createElement('div');
  line.className = 'py-editor-input';
  const label = place.ownerDocument.createElement('label');
  const field = place.ownerDocument.createElement('input');
  field.type = 'text';
  field.setAttribute('aria-label', prompt.trim() || 'Input');
  label.append(prompt, field);
  line.append(label);
  place.append(line);
  field.focus();
  return new Promise((resolve) => {
    field.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== 'Escape') return;
      event.preventDefault();
      const answer = event.key === 'Enter' ? field.value : null;
      line.replaceWith(`${prompt}${answer ?? ''}\n`); // a line of output, like print's
      resolve(answer);
    });
  });
}
