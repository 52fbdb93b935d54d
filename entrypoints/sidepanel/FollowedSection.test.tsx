import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { sampleCustomer } from '../../lib/crm-client/test-data';
import type { Change } from '../../lib/protocol/messages';
import { FollowedSection } from './CustomerSections';

afterEach(cleanup);

const followed = Array.from({ length: 250 }, (_, i) => sampleCustomer({ id: `c-${i}`, name: `Customer ${String(i).padStart(3, '0')}` }));

describe('the side panel\'s followed customers', () => {
  it('lists every followed customer, a page at a time, with no cap', async () => {
    const request = vi.fn(async (_type: string, { offset = 0, limit = 50 }: { offset?: number; limit?: number }) =>
      ({ items: followed.slice(offset, offset + limit), total: followed.length }));
    const listeners = new Set<(c: Change) => void>();
    render(<FollowedSection api={{ request } as never} onChange={(l) => (listeners.add(l), () => listeners.delete(l))} />);
    const shown = () => document.querySelectorAll('[data-crmx-followed]').length;
    await waitFor(() => expect(shown()).toBe(100));
    fireEvent.click(screen.getByText('Show more'));
    await waitFor(() => expect(shown()).toBe(200));
    fireEvent.click(screen.getByText('Show more'));
    await waitFor(() => expect(shown()).toBe(250));
    expect(document.querySelector('[data-crmx-panel-followed-more]')).toBeNull();
    // A change reloads everything that was shown, not only the first page.
    listeners.forEach((l) => l({ kind: 'follows', ids: ['c-1'] }));
    await waitFor(() => expect(request).toHaveBeenLastCalledWith('searchCached', { followedOnly: true, offset: 0, limit: 250 }));
    expect(shown()).toBe(250);
  });
});
