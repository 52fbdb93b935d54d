// The ARIA menu opened by a row's [···] button: arrow keys, Home/End, Enter/Space, Escape, Tab;
// focus goes back to the button on close. Refused items stay focusable but aria-disabled, named with why.
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../lib/i18n';
import { menuItems, type MenuItemView } from '../lib/ui/menu-items';
import type { OpenMenu, OverlayState } from '../lib/ui/state';

export function RowMenu({ state }: { state: OverlayState }) {
  const open = state.menu.value;
  if (!open) return null;
  return <OpenRowMenu key={open.id} open={open} state={state} />;
}

function position(anchor: HTMLElement): Record<string, string> {
  const rect = anchor.getBoundingClientRect();
  const below = window.innerHeight - rect.bottom;
  const left = `${Math.max(4, Math.min(rect.left, window.innerWidth - 260))}px`;
  if (below < 300 && rect.top > below) return { bottom: `${Math.max(0, window.innerHeight - rect.top + 4)}px`, left };
  return { top: `${rect.bottom + 4}px`, left };
}

function OpenRowMenu({ open, state }: { open: OpenMenu; state: OverlayState }) {
  const menuRef = useRef<HTMLDivElement>(null);
  const rowState = state.rowStates.value.get(open.id);
  // An item whose feature is switched off in the options (the log, the stars) is not offered.
  const items = menuItems(rowState, state.rowStatesError.value).filter((item) => state.actions.has(item.id));
  const itemEls = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  const close = (returnFocus: boolean) => {
    if (state.menu.value === open) state.menu.value = null;
    if (returnFocus && open.anchor.isConnected) open.anchor.focus();
  };

  useLayoutEffect(() => {
    const all = itemEls();
    (open.focus === 'last' ? all[all.length - 1] : all[0])?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    const onPointerDown = (event: Event) => {
      const path = event.composedPath();
      if (!path.includes(menuRef.current!) && !path.includes(open.anchor)) close(false);
    };
    const reposition = () => {
      if (menuRef.current) Object.assign(menuRef.current.style, { top: '', bottom: '' }, position(open.anchor));
    };
    document.addEventListener('pointerdown', onPointerDown, { capture: true, signal: controller.signal });
    window.addEventListener('scroll', reposition, { capture: true, passive: true, signal: controller.signal });
    window.addEventListener('resize', reposition, { signal: controller.signal });
    return () => controller.abort();
  }, [open]);

  const activate = (item: MenuItemView) => {
    if (item.disabled) return;
    const action = state.actions.get(item.id);
    close(item.id !== 'view');
    if (!action) return;
    Promise.resolve(action(open)).catch((error: unknown) => console.error(`[crmx] menu item ${item.id} failed`, error));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const all = itemEls();
    const current = all.indexOf((menuRef.current?.getRootNode() as ShadowRoot | Document).activeElement as HTMLElement);
    const focusAt = (index: number) => all[(index + all.length) % all.length]?.focus({ preventScroll: true });
    switch (event.key) {
      case 'ArrowDown': focusAt(current + 1); break;
      case 'ArrowUp': focusAt(current < 0 ? -1 : current - 1); break;
      case 'Home': focusAt(0); break;
      case 'End': focusAt(-1); break;
      case 'Escape': close(true); break;
      case 'Tab': close(true); break;
      case 'Enter':
      case ' ':
        if (current >= 0) activate(items[current]);
        break;
      default: return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  // The menu floats at the end of the page, outside the host's landmarks: its own region keeps it findable.
  return (
    <div role="region" aria-label={t('menu.label', { name: open.name })}>
      <div
        ref={menuRef}
        role="menu"
        class="crmx-menu"
        aria-label={t('menu.label', { name: open.name })}
        aria-busy={rowState === undefined ? 'true' : undefined}
        style={position(open.anchor)}
        onKeyDown={onKeyDown}
      >
        {items.map((item) => (
          <div
            key={item.id}
            role="menuitem"
            tabIndex={-1}
            class="crmx-menu-item"
            data-crmx-item={item.id}
            aria-disabled={item.disabled ? 'true' : undefined}
            onClick={() => activate(item)}
          >
            {/* Named by all it shows, the reason too (a name dropping visible words fails voice control); the space keeps the words apart in the name. */}
            <span class="crmx-menu-label">{item.label}</span>
            {item.reason && <>{' '}<span class="crmx-menu-reason">{item.reason}</span></>}
          </div>
        ))}
      </div>
    </div>
  );
}
