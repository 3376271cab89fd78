// The journeys of an app built on the TypeScript client (OpenAPI Generator, typescript-fetch),
// through the operations generated clients once could not read or send: a comment's and a survey's
// views, the survey list, results' minimum group, and decimal indicator values. Started by
// TypeScriptClientJourneyTest against the real server; prints one line a step and exits 1 on
// the first surprise. Tokens come in the environment, never on the command line.
import {
  Configuration, CommentViewViewEnum, IndicatorKind, OutcomesApi, PeriodKind, Polarity, PrivacyApi, SurveyDetailViewEnum,
  SurveyListingViewEnum, SurveysApi, WallApi,
} from '../../../target/generated-test-sources/contract-client-ts';

// Node's globals this script uses, declared here so the build needs no @types package.
declare const process: { env: Record<string, string | undefined>; exit(code: number): never };

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const basePath = env('YOUSAID_BASE_URL').replace(/\/$/, '');
const area = env('YOUSAID_AREA');
const as = (token: string) => new Configuration({ basePath, headers: { Authorization: `Bearer ${token}` } });
const family = as(env('YOUSAID_TOKEN_FAMILY'));
const forumLead = as(env('YOUSAID_TOKEN_FORUM_LEAD'));
const commissioner = as(env('YOUSAID_TOKEN_COMMISSIONER'));

function check(condition: boolean, what: () => unknown): void {
  if (!condition) throw new Error(`unexpected: ${JSON.stringify(what())}`);
}

async function main(): Promise<void> {
  const wall = new WallApi(family);
  const posted = await wall.postComment({
    idempotencyKey: crypto.randomUUID(), areaId: area,
    postCommentRequest: { body: 'The wheelchair service took 30 weeks and nobody told us why.' },
  });
  const own = await wall.getComment({ areaId: area, commentId: posted.id });
  check(own.view === CommentViewViewEnum.Own && own.status === 'pending_review', () => own);
  console.log(`comment ${own.view} ${own.status}`);

  const staff = new SurveysApi(commissioner);
  const survey = (await staff.createSurvey({ areaId: area, createSurveyRequest: { templateId: 'equipment' } })).id;
  await staff.publishSurvey({ areaId: area, surveyId: survey });
  const editors = new SurveysApi(forumLead);
  const editorList = await editors.listSurveys({ areaId: area, limit: 10 });
  check(editorList.view === SurveyListingViewEnum.Editor && editorList.items.length === 1 && editorList.items[0].id === survey, () => editorList);
  const editorDetail = await editors.getSurvey({ areaId: area, surveyId: survey });
  check(editorDetail.view === SurveyDetailViewEnum.Editor && editorDetail.versions?.length === 1, () => editorDetail);
  console.log(`surveys ${editorList.view} ${editorList.items.length}, survey ${editorDetail.view} ${editorDetail.versions?.length} version`);

  const families = new SurveysApi(family);
  const respondentList = await families.listSurveys({ areaId: area, limit: 10 });
  check(respondentList.view === SurveyListingViewEnum.Respondent && respondentList.items[0]?.definition !== undefined, () => respondentList);
  const respondentDetail = await families.getSurvey({ areaId: area, surveyId: survey });
  check(respondentDetail.view === SurveyDetailViewEnum.Respondent && respondentDetail.version === 1, () => respondentDetail);
  console.log(`surveys ${respondentList.view} ${respondentList.items.length}, survey ${respondentDetail.view} version ${respondentDetail.version}`);

  const results = await staff.getSurveyResults({ areaId: area, surveyId: survey });
  check(results.minimumGroup === 5, () => results);
  console.log(`results minimumGroup ${results.minimumGroup}`);

  const outcomes = new OutcomesApi(commissioner);
  const outcome = await outcomes.createOutcome({ areaId: area, outcomeRequest: { title: 'Children get the equipment they need in time' } });
  const indicator = await outcomes.createIndicator({
    areaId: area, outcomeId: outcome.id, indicatorRequest: {
      title: 'Equipment delivered within 6 weeks', kind: IndicatorKind.HowWell, unit: '%',
      polarity: Polarity.HigherIsBetter, periodKind: PeriodKind.Quarter,
      baseline: { period: '2025-Q4', value: 41.5 }, target: { period: '2027-Q4', value: 90 },
    },
  });
  check(indicator.baseline?.value === 41.5, () => indicator);
  const value = await outcomes.putIndicatorValue({
    areaId: area, indicatorId: indicator.id, period: '2026-Q2',
    indicatorValueRequest: { value: 52.5, source: 'Wheelchair service quarterly return' },
  });
  check(value.value === 52.5, () => value);
  const series = (await outcomes.getIndicator({ areaId: area, indicatorId: indicator.id })).series;
  check(series.length === 1 && series[0].value === 52.5, () => series);
  console.log(`indicator baseline ${indicator.baseline?.value}, value ${value.period} ${value.value}`);

  // Last, the family's rights: everything held, then erasure of all of it.
  const privacy = new PrivacyApi(family);
  const exported = await privacy.exportMe();
  check(exported.areas.length === 1 && exported.areas[0].texts.some((t) => t.id === posted.id), () => exported);
  const erased = await privacy.eraseMe();
  check(erased.areas.length === 1 && erased.areas[0].texts >= 1, () => erased);
  check((await privacy.exportMe()).areas.length === 0, () => 'still held');
  console.log(`export ${exported.areas[0].texts.length} texts, erased ${erased.areas[0].texts}`);
}

main().catch(async (e: unknown) => {
  // A refusal's problem document says what the server disliked; print its code, never a token.
  const response = (e as { response?: Response }).response;
  const detail = response ? `${response.status} ${await response.text()}` : String(e);
  console.error(`journey failed: ${detail}`);
  process.exit(1);
});
