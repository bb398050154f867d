import { afterEach, describe, expect, it } from 'vitest';
import { sqlRecipes } from '../../renderer/engine/rebuildSources';
import { buildStudy } from '../../renderer/study/buildStudy';
import { useWorkbench } from '../../renderer/store/workbenchStore';
import { parseStudyText, serializeStudy } from '../../shared/study/migrate';

afterEach(() => sqlRecipes.clear());

describe("the workbench's study keeps the SQL editor's statements", () => {
  it('in the order they ran, as text only; a saved and reopened study gives them back', () => {
    sqlRecipes.record('CREATE TABLE vip AS SELECT * FROM telco WHERE MonthlyCharges > 100');
    sqlRecipes.record("  DELETE FROM vip WHERE Contract = 'Two year'  ");
    const study = buildStudy(useWorkbench.getState(), 'x');
    expect(study.sql).toEqual([{ sql: 'CREATE TABLE vip AS SELECT * FROM telco WHERE MonthlyCharges > 100' }, { sql: "DELETE FROM vip WHERE Contract = 'Two year'" }]);
    const back = parseStudyText(serializeStudy(study), 'x.tenure');
    sqlRecipes.load(back.sql.map((r) => r.sql));
    expect(sqlRecipes.list()).toEqual(study.sql.map((r) => r.sql));
  });
});
