import { useState, type ReactNode } from 'react';
import { useT } from '../i18n/index.ts';
import { IconButton } from '../ui/IconButton.tsx';

/**
 * The side panels beside the map (voting, drafts, the inspector…), collapsible to a slim
 * strip so the map gets the width back; shown only when some panel is open (CSS `:has`).
 */
export function SidePanels({ children }: { children: ReactNode }) {
  const t = useT();
  const [collapsed, setCollapsed] = useState(false);
  return (
    <div className={`side-panels${collapsed ? ' side-panels--collapsed' : ''}`}>
      <IconButton
        icon={collapsed ? 'left' : 'right'}
        className="side-panels__toggle"
        label={t(collapsed ? 'map.panels.expand' : 'map.panels.collapse')}
        aria-expanded={!collapsed}
        onClick={() => setCollapsed((value) => !value)}
      />
      <div className="side-panels__body">{children}</div>
    </div>
  );
}
