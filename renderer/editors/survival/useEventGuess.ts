import { useEffect, useRef } from 'react';
import { toRows } from '../../../shared/engine/arrowRows';
import { qi } from '../../../shared/engine/sqlQuote';
import { useServices } from '../../workbench/services';
import { guessEventValues } from './survivalForm';

/**
 * When an event column is chosen and no value is ticked yet, tick the ones that usually mean churned
 * (Yes, 1, True, 流失…) so the common case runs without a click. Values are read as text, like the
 * kit's ValuePicker shows them.
 */
export function useEventGuess(table: string, column: string, ticked: string[], apply: (values: string[]) => void): void {
  const { engine } = useServices();
  const state = useRef({ empty: ticked.length === 0, apply });
  state.current = { empty: ticked.length === 0, apply };
  useEffect(() => {
    if (!table || !column || !state.current.empty) return;
    let live = true;
    engine
      .query(`SELECT DISTINCT CAST(${qi(column)} AS VARCHAR) AS v FROM ${qi(table)} WHERE ${qi(column)} IS NOT NULL LIMIT 50`)
      .then((r) => {
        const guess = guessEventValues(toRows<{ v: string }>(r).map((x) => x.v));
        if (live && guess.length && state.current.empty) state.current.apply(guess);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // Only a new table/column triggers a guess: un-ticking everything later is the user's choice.
  }, [engine, table, column]);
}
