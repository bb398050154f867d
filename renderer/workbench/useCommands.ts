import { createContext, useContext } from 'react';
import type { CommandHandler } from './commands';

export interface CommandsApi {
  handlers: Record<string, CommandHandler>;
  run(id: string): void;
}

export const CommandsContext = createContext<CommandsApi | null>(null);

/** Run shared-list commands by id from any part (buttons, menus, the palette). */
export function useCommands(): CommandsApi {
  const c = useContext(CommandsContext);
  if (!c) throw new Error('useCommands outside the workbench');
  return c;
}
