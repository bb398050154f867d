import { Fragment } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { useWorkbench } from '../../store/workbenchStore';
import { EditorGroupView } from './EditorGroupView';

/** One or two editor groups side by side; the split sizes persist with the other pane sizes. */
export function EditorArea({ theme }: { theme: 'dark' | 'light' }) {
  const groups = useWorkbench((s) => s.groups);
  const sizes = useWorkbench((s) => s.settings.layout.groups);
  const setSizes = useWorkbench((s) => s.setSizes);
  if (groups.length === 1) return <EditorGroupView group={groups[0]} theme={theme} />;
  const ids = groups.map((g) => g.id);
  const saved = sizes && Object.keys(sizes).length === 2 ? { [ids[0]]: Object.values(sizes)[0], [ids[1]]: Object.values(sizes)[1] } : undefined;
  return (
    <Group
      orientation="horizontal"
      className="editor-groups"
      defaultLayout={saved}
      onLayoutChanged={(layout, meta) => {
        if (meta.isUserInteraction) setSizes('groups', { first: layout[ids[0]], second: layout[ids[1]] });
      }}
    >
      {groups.map((g, i) => (
        <Fragment key={g.id}>
          {i > 0 && <Separator className="sash sash-vertical" />}
          <Panel id={g.id} minSize={160}>
            <EditorGroupView group={g} theme={theme} />
          </Panel>
        </Fragment>
      ))}
    </Group>
  );
}
