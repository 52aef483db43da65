import { describe, expect, it } from 'vitest';
import { preconnectHistory } from '../preconnect';

describe('preconnectHistory', () => {
  it('hints a connection to the history site, anew each time, one hint at a time', () => {
    preconnectHistory('https://history.example.test');
    const first = document.head.querySelector('link[rel="preconnect"]');
    expect(first?.getAttribute('href')).toBe('https://history.example.test');
    preconnectHistory('https://history.example.test');
    const links = document.head.querySelectorAll('link[rel="preconnect"]');
    expect(links).toHaveLength(1);
    expect(links[0]).not.toBe(first);
  });
  it('hints nothing for what is not an http(s) origin', () => {
    document.head.innerHTML = '';
    preconnectHistory('javascript:alert(1)');
    expect(document.head.querySelectorAll('link')).toHaveLength(0);
  });
});
