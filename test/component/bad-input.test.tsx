import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../support/render-app';

describe('bad input', () => {
  it('shows the not-found page inside the app shell for a malformed percent-escape', async () => {
    renderApp('/assessments/%E0%A4%A/edit');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    expect(screen.getByRole('banner')).toBeVisible();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Go to your assessments' })).toBeVisible();
  });
});
