import { AppError } from '../../data/errors.js';

/** Bad command-line input: the CLI prints the message as one line and exits 2. */
export class UsageError extends AppError {
  constructor(message: string, code = 'bad-command', context: Record<string, unknown> = {}) {
    super(code, message, context);
  }
}

/** The help text; kept beside the commands it lists so the two change together. */
export const HELP = `UCP onboarding assistant: admin commands (npx ucp-admin <command>)
While the bot runs, each command is run by the bot itself (the data folder's admin socket). --as "<name>" names who
makes a change in the audit trail (otherwise the operating-system user).

Rosters (who may act on cards):
  roster add icsLead <aadObjectId> --ics <ICS> [--name "<display name>"]
  roster add icsChannel <conversationId> --ics <ICS> [--name "<channel name>"]
  roster add helpdeskAgent <aadObjectId> [--name "<display name>"]
  roster add helpdeskChannel <conversationId> [--name "<channel name>"]
  roster list [icsLead|icsChannel|helpdeskAgent|helpdeskChannel] [--ics <ICS>] [--json]
  roster remove <icsLead|icsChannel|helpdeskAgent|helpdeskChannel> <id> [--ics <ICS>]

Reference data (a file with any bad row imports nothing and lists every bad row):
  import dpia <register.csv>                 columns: ODS code, Name, ICS
  import dspt <export.csv>                   the DSPT organisation-search export
  import accredited-domains <list.csv>       the DCB1596 accredited list (a Domain column)
  import bank-holidays <bank-holidays.json>  the gov.uk feed (england-and-wales)

Tickets and the audit trail (these work while the bot is running):
  tickets list [--state <state>[,<state>…]] [--json]
  ticket show <id> [--json]                  the ticket (live or archived) with its audit trail
  audit export --from <date> --to <date>     CSV on standard output; from inclusive, to exclusive
  reminders preview [--at <ISO instant>] [--json]   what the reminder sweep would send then, to whom and why

Reports (CSV on standard output, a header row first; these work while the bot is running):
  report requests [--from <yyyy-mm-dd> --to <yyyy-mm-dd>] [--ics <ICS>]      live requests received then, by ICS and state,
                                             with the working hours each has waited in its state and in all
  report decisions [--from <yyyy-mm-dd> --to <yyyy-mm-dd>] [--ics <ICS>]     who approved, turned down, assigned, resolved,
                                             closed or withdrew which request, in which role, and when
  report unreachable [--from <yyyy-mm-dd> --to <yyyy-mm-dd>] [--ics <ICS>]   care home managers Teams and e-mail both failed
                                             to reach (personal data: for the helpdesk, to phone them)
  Dates are London days, both included; without them a report covers everything.

Moving the data to another store (stop the bot first: this is refused while a bot uses either store):
  store copy --from lowdb --to postgres      copies everything in DATA_DIR (live records, archive, audit trail) into the
                                             empty database in DATABASE_URL, then shows the counts of both; exit 0 only
                                             when every count agrees
  store copy --from postgres --to lowdb      and back, into an empty DATA_DIR

Rule look-ups (add --json for machine-readable output):
  role "<job title>"
  email <address> [--name "<organisation>"] [--ods <code>]   the organisation's name and code mark its shared mailboxes
  ods <code>
  eligibility --type <type> [--type-confirmed yes|no] --dpia yes|no --location london|commissioned|outside [--dspt "<status>"] [--ods <code>] [--ics <ICS>]
    --type-confirmed yes: the ODS directory's roles give that type (only then does an NHS type skip the DSPT); default no
  working-hours add <ISO instant> <hours>

<ICS> is an ICB code (QMJ), a short name (NCL) or a name ("North Central London").
Settings: DATA_DIR (default ./var) is the data directory the bot uses; DATABASE_URL the database (store copy). Exit codes: 0 done, 2 bad input, 1 anything else.`;
