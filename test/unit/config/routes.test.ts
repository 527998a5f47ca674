import { describe, expect, it } from 'vitest';
import { matchRoute, routes } from '@/config/routes';

describe('routes', () => {
  it('round-trips every href through matchRoute', () => {
    expect(matchRoute(routes.assessments.href())).toEqual({ name: 'assessments' });
    expect(matchRoute(routes.settings.href())).toEqual({ name: 'settings' });
    expect(routes.region.href()).toBe('/region');
    expect(matchRoute(routes.region.href())).toEqual({ name: 'region' });
    expect(matchRoute('/region/')).toEqual({ name: 'region' });
    expect(matchRoute(routes.editor.href('a b/c'))).toEqual({
      name: 'editor',
      assessmentId: 'a b/c',
      step: null,
    });
    expect(matchRoute(routes.editor.href('id1', 'finance-planning'))).toEqual({
      name: 'editor',
      assessmentId: 'id1',
      step: 'finance-planning',
    });
    expect(matchRoute(routes.results.href('id1'))).toEqual({
      name: 'results',
      assessmentId: 'id1',
    });
    expect(matchRoute(routes.paper.href('a b/c'))).toEqual({
      name: 'paper',
      assessmentId: 'a b/c',
    });
  });

  it('routes workshops of an assessment and one workshop', () => {
    expect(matchRoute(routes.workshops.href('a1'))).toEqual({
      name: 'workshops',
      assessmentId: 'a1',
    });
    expect(matchRoute(routes.workshop.href('w 1'))).toEqual({
      name: 'workshop',
      workshopId: 'w 1',
    });
    expect(matchRoute(routes.workshopFacilitator.href('w 1/2'))).toEqual({
      name: 'workshopFacilitator',
      workshopId: 'w 1/2',
    });
    expect(matchRoute('/workshops/w1/facilitate/x')).toEqual({ name: 'notFound' });
    expect(matchRoute(routes.join.href())).toEqual({ name: 'join' });
    expect(matchRoute(routes.joined.href('7KQ2M-XD4PA'))).toEqual({
      name: 'joined',
      workshopId: '7KQ2M-XD4PA',
    });
    expect(matchRoute('/join/a/b')).toEqual({ name: 'notFound' });
  });

  it('carries the compared assessment ids in the path', () => {
    expect(matchRoute(routes.compare.href())).toEqual({ name: 'compare', assessmentIds: [] });
    expect(matchRoute(routes.compare.href(['a', 'b,c', 'd']))).toEqual({
      name: 'compare',
      assessmentIds: ['a', 'b,c', 'd'],
    });
  });

  it('tolerates a trailing slash and sends anything else to not found', () => {
    expect(matchRoute('/settings/')).toEqual({ name: 'settings' });
    expect(matchRoute('/assessments')).toEqual({ name: 'notFound' });
    expect(matchRoute('/assessments/x/edit/y/z')).toEqual({ name: 'notFound' });
    expect(matchRoute('/nope')).toEqual({ name: 'notFound' });
  });

  it('sends a malformed percent-escape to not found instead of throwing', () => {
    for (const path of [
      '/assessments/%E0%A4%A/edit',
      '/assessments/%/results',
      '/assessments/a/edit/%ZZ',
      '/workshops/%E0%A4%A/facilitate',
      '/join/%C3',
      '/systems/%E0/plan',
      '/compare/ok,%E0%A4%A',
    ]) {
      expect(matchRoute(path), path).toEqual({ name: 'notFound' });
    }
    // A well-formed escape still decodes.
    expect(matchRoute('/assessments/%E0%A4%A4/edit')).toEqual({
      name: 'editor',
      assessmentId: '\u0924',
      step: null,
    });
  });
});
