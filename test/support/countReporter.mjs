// A node:test reporter that writes one JSON line with the counts of this run (read by scripts/test.mjs).
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, todo: 0, failures: [], skips: [] };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const d = event.data;
    // Suites (describe) report too; count only leaf tests, and a skipped suite as one skip.
    if (d.details?.type === 'suite') {
      if (d.skip !== undefined) {
        counts.skipped++;
        counts.skips.push(`${d.name} (whole suite): ${typeof d.skip === 'string' ? d.skip : 'skipped'}`);
      }
      continue;
    }
    const name = d.name;
    if (event.type === 'test:fail') {
      counts.failed++;
      counts.failures.push(`${d.file ?? ''} › ${name}`);
    } else if (d.skip !== undefined) {
      counts.skipped++;
      counts.skips.push(`${name}: ${typeof d.skip === 'string' ? d.skip : 'skipped'}`);
    } else if (d.todo !== undefined) counts.todo++;
    else counts.passed++;
  }
  yield JSON.stringify(counts) + '\n';
}
