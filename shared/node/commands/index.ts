import type { CliCommand } from '../cliTypes';
import { profileCommand } from './profile';
import { paretoCommand } from './pareto';
import { survivalCommand } from './survival';
import { cohortCommand } from './cohort';
import { reasonsCommand } from './reasons';
import { quadrantCommand } from './quadrant';
import { deckCommand } from './deck';
import { riskCommand } from './risk';
import { briefCommand } from './brief';
import { studyCommand } from './study';
import { coxCommand } from './cox';

/** Every CLI command, by name. Each analysis adds its own file here. */
export const COMMANDS: Record<string, CliCommand> = {
  [profileCommand.name]: profileCommand,
  [paretoCommand.name]: paretoCommand,
  [survivalCommand.name]: survivalCommand,
  [cohortCommand.name]: cohortCommand,
  [reasonsCommand.name]: reasonsCommand,
  [quadrantCommand.name]: quadrantCommand,
  [riskCommand.name]: riskCommand,
  [deckCommand.name]: deckCommand,
  [briefCommand.name]: briefCommand,
  [studyCommand.name]: studyCommand,
  [coxCommand.name]: coxCommand,
};
