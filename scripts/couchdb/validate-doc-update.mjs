/**
 * CouchDB's validate_doc_update for a partnership database, installed by
 * scripts/couchdb-setup.mjs as `_design/ics-maturity` (its source is sent, so it must stand
 * alone). CouchDB runs it on every write, replication included, and refuses a document it throws
 * on. The app checks everything that arrives again with its own rules (src/domain/sync); this
 * stops a malformed document from reaching the other devices at all. Limits as the app's
 * (src/domain/assessment.ts LIMITS). CouchDB runs the source with its own JavaScript engine,
 * which may be old: ES5 only inside (var, no arrows, no let or const, no spread).
 */
export function validateDocUpdate(newDoc, oldDoc, userCtx) {
  if (newDoc._deleted === true) return;
  if (newDoc._id.indexOf('_design/') === 0) {
    if (userCtx.roles.indexOf('_admin') === -1)
      throw { forbidden: 'Only an administrator may change design documents.' };
    return;
  }
  function refuse(why) {
    throw { forbidden: 'Not an ICS Maturity document: ' + why };
  }
  function isString(value, max) {
    return typeof value === 'string' && value.length <= max;
  }
  function isArray(value) {
    return Object.prototype.toString.call(value) === '[object Array]';
  }
  var LEVELS = ['emerging', 'developing', 'maturing', 'thriving'];
  var CONFIDENCE = ['high', 'medium', 'low'];
  if (newDoc.kind === 'workshop-response') {
    // A participant's response to a live workshop (src/domain/sync/response-document.ts).
    var response = newDoc.response;
    if (typeof newDoc.v !== 'number' || newDoc.v < 1) refuse('no version');
    if (!response || response.type !== 'ics-maturity-workshop-response') refuse('no response');
    if (!response.workshop || !isString(response.workshop.id, 200)) refuse('no workshop');
    if (!response.participant || !isString(response.participant.id, 200)) refuse('no participant');
    var key = response.participant.id + (response.round === 2 ? '#2' : '');
    if (newDoc._id !== 'response:' + response.workshop.id + ':' + key)
      refuse('the id does not match the response');
    if (!isArray(response.ratings) || response.ratings.length > 500) refuse('bad ratings');
    for (var j = 0; j < response.ratings.length; j++) {
      var vote = response.ratings[j];
      if (!vote || (vote.level !== null && LEVELS.indexOf(vote.level) === -1))
        refuse('an unknown level');
      if (!isString(vote.note, 20000)) refuse('a bad note');
    }
    return;
  }
  if (newDoc.kind !== 'assessment') refuse('unknown kind');
  if (typeof newDoc.v !== 'number' || newDoc.v < 1) refuse('no version');
  var a = newDoc.assessment;
  if (!a || typeof a !== 'object') refuse('no assessment');
  if (!isString(a.id, 200) || a.id === '') refuse('no assessment id');
  if (newDoc._id !== 'assessment:' + a.id) refuse('the id does not match the assessment');
  if (!isString(a.systemName, 120) || a.systemName.replace(/\s/g, '') === '')
    refuse('no system name');
  if (!isString(a.title, 160)) refuse('a bad title');
  if (!isString(a.asAt, 10) || !/^\d{4}-\d{2}-\d{2}$/.test(a.asAt)) refuse('a bad date');
  if (!a.status || typeof a.status.state !== 'string') refuse('no status');
  if (!isArray(newDoc.ratings) || newDoc.ratings.length > 500) refuse('bad ratings');
  var seen = {};
  for (var i = 0; i < newDoc.ratings.length; i++) {
    var r = newDoc.ratings[i];
    if (!r || r.assessmentId !== a.id) refuse('a rating of another assessment');
    if (!isString(r.criterionId, 200) || r.criterionId === '')
      refuse('a rating without a criterion');
    if (seen[r.criterionId] === true) refuse('a criterion rated twice');
    seen[r.criterionId] = true;
    if (r.level !== null && LEVELS.indexOf(r.level) === -1) refuse('an unknown level');
    if (r.confidence !== null && CONFIDENCE.indexOf(r.confidence) === -1)
      refuse('an unknown confidence');
    if (!isString(r.rationale, 20000)) refuse('a bad rationale');
    if (!isArray(r.evidence) || r.evidence.length > 50) refuse('bad evidence');
  }
}
