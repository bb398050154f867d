import type { CliCommand } from '../cliTypes';
import { profileCommand } from './profile';

/** Every CLI command, by name. Each analysis adds its own file here. */
export const COMMANDS: Record<string, CliCommand> = {
  [profileCommand.name]: profileCommand,
};
