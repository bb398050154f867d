import type { TextTable } from './survivalTable';

/** A pre-formatted table in the kit's table style (numbers right-aligned). */
export function TextTableView({ table, testId }: { table: TextTable; testId?: string }) {
  return (
    <div className="tn-an-table-wrap">
      <table className="tn-an-table" data-testid={testId}>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={i} className={table.numeric[i] ? 'num' : undefined}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={i}>
              {r.map((v, j) => (
                <td key={j} className={table.numeric[j] ? 'num' : undefined}>
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
