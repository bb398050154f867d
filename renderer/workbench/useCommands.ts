import { createContext, useContext } from 'react';
import type { CommandArg, CommandHandler } from './commands';

export interface CommandsApi {
  handlers: Record<string, CommandHandler>;
  /** `arg`: the item a context menu was opened on (a table, a tab). */
  run(id: string, arg?: CommandArg): void;
}

export const CommandsContext = createContext<CommandsApi | null>(null);

/** Run shared-list commands by id from any part (buttons, menus, the palette). */
export function useCommands(): CommandsApi {
  const c = useContext(CommandsContext);
  if (!c) throw new Error('useCommands outside the workbench');
  return c;
}
