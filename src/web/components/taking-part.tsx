// "Taking part": how a non-governmental organisation takes part in a process or session, only from the cited deadlines and
// accreditation records (never a rule of our own), with the register link each deadline cites, the next deadline and the next session.
import type { Accreditation } from "../../domain/participation.js";
import { listUpcomingDeadlines, type Deadline } from "../../domain/deadline.js";
import { lastDayOf } from "../../domain/partial-date.js";
import type { SessionSummary } from "../../domain/session.js";
import { DateText } from "./partial-date.js";

/** The web page a deadline cites first: where its call, form or modalities are published. */
export function registerUrl(d: Pick<Deadline, "sources">): string | null {
  return d.sources.map((s) => s.url).find((u): u is string => typeof u === "string" && /^https:\/\//.test(u)) ?? null;
}

/** The session of a list that starts soonest on or after today, by the last day its dates can mean. */
export function findNextSession<T extends Pick<SessionSummary, "start">>(sessions: T[], now: Date): T | null {
  const today = now.toISOString().slice(0, 10);
  return (
    sessions
      .filter((s) => s.start && lastDayOf(s.start) >= today)
      .sort((a, b) => a.start!.date.localeCompare(b.start!.date))[0] ?? null
  );
}

export function TakingPart(props: {
  deadlines: Deadline[];
  accreditations: Accreditation[];
  nextSession?: SessionSummary | null;
  participationHref: string;
  now: Date;
}) {
  const { deadlines, accreditations, nextSession, now } = props;
  const upcoming =
    listUpcomingDeadlines(
      deadlines.filter((d) => !d.isRolling && d.closes),
      now,
    )[0] ?? null;
  const rolling = deadlines.find((d) => d.isRolling) ?? null;
  const ecosoc = accreditations.filter((a) => a.ecosocStatus === "ecosoc").length;
  return (
    <section aria-labelledby="taking-part-heading" class="taking-part">
      <h2 id="taking-part-heading">Taking part as a non-governmental organisation</h2>
      {deadlines.length === 0 && accreditations.length === 0 ? (
        <p>The sources gathered here give no modalities for non-governmental organisations in this process.</p>
      ) : (
        <ul>
          {deadlines.map((d) => {
            const url = registerUrl(d);
            return (
              <li>
                <a href={`/participation/deadlines/${d.id}`}>{d.title}</a>
                {d.eligibility ? <>: {d.eligibility}</> : null}.{" "}
                {d.isRolling ? (
                  "Open on a rolling basis, no closing date."
                ) : d.closes ? (
                  <>
                    Closes <DateText value={d.closes} />.
                  </>
                ) : (
                  "Closing date not known."
                )}
                {url ? (
                  <>
                    {" "}
                    Apply or register:{" "}
                    <a href={url} rel="external">
                      {url.replace(/^https:\/\//, "")}
                    </a>{" "}
                    (cited source).
                  </>
                ) : null}
              </li>
            );
          })}
          {accreditations.length ? (
            <li>
              {accreditations.length} accreditation {accreditations.length === 1 ? "record" : "records"} ({ecosoc} for
              organisations with ECOSOC status, {accreditations.length - ecosoc} without):{" "}
              <a href={props.participationHref}>who applied, who was accredited and who objected</a>.
            </li>
          ) : null}
        </ul>
      )}
      <p>
        <strong>Next deadline:</strong>{" "}
        {upcoming ? (
          <>
            <a href={`/participation/deadlines/${upcoming.id}`}>{upcoming.title}</a>
            {upcoming.closes ? (
              <>
                , closes <DateText value={upcoming.closes} />
              </>
            ) : null}
          </>
        ) : rolling ? (
          <>none fixed: {rolling.title} is open on a rolling basis</>
        ) : (
          "none known"
        )}
        .
      </p>
      {nextSession !== undefined ? (
        <p>
          <strong>Next session:</strong>{" "}
          {nextSession ? (
            <>
              <a href={`/sessions/${nextSession.id}`}>{nextSession.name}</a>, <DateText value={nextSession.start} />,{" "}
              {nextSession.venue ?? "venue not given in the sources"}
            </>
          ) : (
            "none scheduled in the sources"
          )}
          .
        </p>
      ) : null}
    </section>
  );
}
