// Fails when a msg() string has no Spanish translation, or when locales/en.xlf (the English
// source text for translators) is missing a message or out of date with the code.
// Extracts the messages into a temporary copy of locales/ (the committed XLIFF files are left
// untouched; see extractMessages in scripts/xliff-en.mjs), then checks that every unit of each
// target locale has a non-empty <target>, and that locales/en.xlf has every unit, as generated.
// Run `npm run locales` to update locales/es.xlf and locales/en.xlf themselves.
import { englishProblems, englishXliff, extractMessages, readUnits } from './xliff-en.mjs';

const { files, units } = extractMessages();
const problems = [];
for (const [file, xml] of Object.entries(files)) {
  const fileUnits = readUnits(xml);
  for (const unit of fileUnits) {
    if (unit.target === undefined || unit.target.trim() === '') {
      problems.push(`${file}: no translation for "${unit.source.replace(/\s+/g, ' ').slice(0, 100)}"`);
    }
  }
  console.log(`${file}: ${fileUnits.length} messages`);
}
const english = englishProblems(englishXliff(units));
problems.push(...english);
if (english.length === 0) console.log(`en.xlf: ${units.length} messages`);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(
    `\n${problems.length} problem(s). Run \`npm run locales\` (it updates locales/es.xlf and writes locales/en.xlf), then translate the new units in locales/es.xlf.`,
  );
  process.exit(1);
}
