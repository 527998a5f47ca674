/**
 * CouchDB's validate_doc_update for a partnership database or a regional one, installed by
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
  function isLevel(value) {
    return value === null || LEVELS.indexOf(value) !== -1;
  }
  function isCount(value) {
    return typeof value === 'number' && value >= 0 && value <= 1000 && value % 1 === 0;
  }
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
  if (newDoc.type === 'ics-maturity-regional-snapshot') {
    // A system's regional snapshot in a regional database (src/sync/regional.ts; the file format
    // of src/domain/regional/snapshot.ts): results only. Any field the format does not name is
    // refused, so free text cannot be added to one; the app re-checks every level when it fetches.
    var STATUSES = ['draft', 'agreed', 'approved'];
    var ALLOWED = [
      '_id',
      '_rev',
      '_revisions',
      'type',
      'version',
      'system',
      'asAt',
      'publishedAt',
      'framework',
      'status',
      'overall',
      'assessedCount',
      'criteriaCount',
      'characteristics',
      'criteria',
    ];
    for (var field in newDoc)
      if (ALLOWED.indexOf(field) === -1) refuse('a snapshot with an unknown field ' + field);
    var system = newDoc.system;
    if (newDoc.version !== 1) refuse('an unknown snapshot version');
    if (!system || !isString(system.name, 120) || system.name.replace(/\s/g, '') === '')
      refuse('no system name');
    if (!isString(system.key, 120) || system.key === '') refuse('no system key');
    if (!isString(newDoc.asAt, 10) || !/^\d{4}-\d{2}-\d{2}$/.test(newDoc.asAt))
      refuse('a bad date');
    if (newDoc._id !== 'snapshot:' + system.key + ':' + newDoc.asAt)
      refuse('the id does not match the snapshot');
    if (!isString(newDoc.publishedAt, 40)) refuse('no publication time');
    if (!newDoc.framework || !isString(newDoc.framework.id, 200)) refuse('no framework');
    if (STATUSES.indexOf(newDoc.status) === -1) refuse('an unknown status');
    if (!isLevel(newDoc.overall)) refuse('an unknown level');
    if (!isCount(newDoc.assessedCount) || !isCount(newDoc.criteriaCount)) refuse('bad counts');
    if (!isArray(newDoc.characteristics) || newDoc.characteristics.length > 50)
      refuse('bad characteristics');
    for (var c = 0; c < newDoc.characteristics.length; c++) {
      var characteristic = newDoc.characteristics[c];
      if (!characteristic || !isLevel(characteristic.level)) refuse('an unknown level');
      if (
        characteristic.target !== null &&
        !(characteristic.target && isLevel(characteristic.target.level))
      )
        refuse('a bad target');
    }
    if (!isArray(newDoc.criteria) || newDoc.criteria.length > 500) refuse('bad criteria');
    for (var k = 0; k < newDoc.criteria.length; k++)
      if (!newDoc.criteria[k] || !isLevel(newDoc.criteria[k].level)) refuse('an unknown level');
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
