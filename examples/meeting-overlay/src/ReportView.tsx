import type { RegistrationReport } from '@gesture/react';

/** What the two teach panels say about one `register()` call: accepted, refused, estimate, hints, confusion. */
export function ReportView({ report, testId, unit, registeredText, notRegisteredText, distinctHint }: {
  report: RegistrationReport;
  /** Prefix of the `data-testid`s: `${testId}-report`, `${testId}-hints`, `${testId}-warning`. */
  testId: string;
  /** What one sample is called here ("sample", "take"). */
  unit: string;
  registeredText: string;
  notRegisteredText: string;
  /** What to do when the new gesture is confusable. */
  distinctHint: string;
}) {
  return (
    <div data-testid={`${testId}-report`} data-registered={report.registered} data-confusable={report.confusable}>
      <p>
        {report.registered ? registeredText : notRegisteredText}
        {report.leaveOneOut !== null && ` Each ${unit} was recognised from the others in ${Math.round(report.leaveOneOut * 100)} % of cases.`}
      </p>
      {report.rejected.length > 0 && (
        <ul>
          {report.rejected.map((r) => (
            <li key={r.index}>{unit} {r.index + 1}: {r.reason} ({r.message})</li>
          ))}
        </ul>
      )}
      {report.hints.length > 0 && (
        <ul data-testid={`${testId}-hints`}>
          {report.hints.map((hint) => <li key={hint}>{hint}</li>)}
        </ul>
      )}
      {report.nearest && <p>Nearest known gesture: {report.nearest.gesture} (similarity {report.nearest.similarity.toFixed(2)})</p>}
      {report.confusable && (
        <p role="alert" data-testid={`${testId}-warning`}>
          Warning: "{report.gesture}" is easily confused with "{report.nearest?.gesture}". {distinctHint}
        </p>
      )}
    </div>
  );
}
