import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'preact/hooks';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { Dialog } from './Dialog';
import { TagPicker } from './batch/TagPicker';

afterEach(cleanup);

function LabelsDialog({ onClose, opener }: { onClose(): void; opener: HTMLElement }) {
  const [tags, setTags] = useState<string[]>([]);
  return (
    <Dialog kind="labels" title="Add labels" onClose={onClose} returnFocus={opener}>
      <TagPicker suggestions={['VIP', 'Hot', 'Cold']} value={tags} onChange={setTags} />
    </Dialog>
  );
}

function setup() {
  const opener = document.createElement('button');
  document.body.append(opener);
  opener.focus();
  const onClose = vi.fn();
  render(<LabelsDialog onClose={onClose} opener={opener} />);
  return { onClose, opener, dialog: screen.getByRole('dialog') };
}

describe('a tag suggestion chosen in a dialog', () => {
  it('leaves focus on the next suggestion, then the tag field, and Escape still closes the dialog', () => {
    const { onClose, dialog } = setup();
    const suggestion = (tag: string) => dialog.querySelector<HTMLElement>(`[data-crmx-tag-suggestion="${tag}"]`)!;
    suggestion('VIP').focus();
    fireEvent.click(suggestion('VIP'));
    expect(document.activeElement).toBe(suggestion('Hot'));
    fireEvent.click(suggestion('Hot'));
    fireEvent.click(suggestion('Cold'));
    expect(document.activeElement).toBe(dialog.querySelector('#crmx-batch-tag-input'));
    expect([...dialog.querySelectorAll('[data-crmx-tags] li span')].map((el) => el.textContent)).toEqual(['VIP', 'Hot', 'Cold']);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('a removed chip leaves focus on the next chip, the last one on the tag field', () => {
    const { dialog } = setup();
    fireEvent.click(dialog.querySelector('[data-crmx-tag-suggestion="VIP"]')!);
    fireEvent.click(dialog.querySelector('[data-crmx-tag-suggestion="Hot"]')!);
    const remove = () => [...dialog.querySelectorAll<HTMLElement>('.crmx-chip-remove')];
    remove()[0].focus();
    fireEvent.click(remove()[0]);
    expect(document.activeElement).toBe(remove()[0]);
    fireEvent.click(remove()[0]);
    expect(document.activeElement).toBe(dialog.querySelector('#crmx-batch-tag-input'));
  });
});

describe('Dialog', () => {
  it('takes focus back inside when the focused control goes away', async () => {
    function Vanishing() {
      const [shown, setShown] = useState(true);
      return (
        <Dialog kind="test" title="Test" onClose={() => undefined} returnFocus={null}>
          <input aria-label="Field" />
          {shown && <button type="button" onClick={() => setShown(false)}>Go away</button>}
        </Dialog>
      );
    }
    render(<Vanishing />);
    const button = screen.getByRole('button', { name: 'Go away' });
    button.focus();
    fireEvent.click(button);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Field')));
  });

  it('gives focus back to where it was when it closes', () => {
    const { opener } = setup();
    cleanup();
    expect(document.activeElement).toBe(opener);
  });
});
