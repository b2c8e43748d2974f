/**
 * A typeset formula. The HTML comes from KaTeX (`renderTex`, trust off) and is built only
 * from fixed formula templates and numbers, never from user text, so inserting it is safe.
 */
import 'katex/dist/katex.min.css';
import { memo } from 'react';
import { renderTex } from './tex';

export const Tex = memo(function Tex({ tex, display = false, className }: { tex: string; display?: boolean; className?: string }) {
  return <span className={`tex${className ? ` ${className}` : ''}`} dangerouslySetInnerHTML={{ __html: renderTex(tex, display) }} />;
});
