import { describe, expect, it } from 'vitest';
import { createTrainingSession, type TrainingSession } from '../../../src-engine/training-session';
import { GLOSSARY, LESSONS, findLesson } from '../../../src-engine/lessons';
import type { Project } from '../../../src-engine/project';

function start(project: Project): TrainingSession {
  const created = createTrainingSession(project);
  if (!created.ok) throw new Error(created.error);
  return created.session;
}

const HANGUL = /[\uac00-\ud7a3]/;

describe('the lesson registry', () => {
  it('gives every lesson a unique id and a unique English title', () => {
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    expect(new Set(LESSONS.map((l) => l.title.en)).size).toBe(LESSONS.length);
    expect(LESSONS.map((l) => l.title.en)).toContain('2-2-1 worked example');
    expect(findLesson('notes-221')?.title.en).toBe('2-2-1 worked example');
    expect(findLesson('nope')).toBeNull();
  });

  it('writes every lesson text in English and in Korean', () => {
    for (const lesson of LESSONS) {
      const texts = [lesson.title, lesson.summary, ...lesson.steps, ...lesson.variants.map((v) => v.title)];
      for (const text of texts) {
        expect(text.en.trim(), `${lesson.id}: ${text.en}`).not.toBe('');
        expect(text.ko.trim(), `${lesson.id}: ${text.ko}`).not.toBe('');
      }
      for (const text of [lesson.title, lesson.summary, ...lesson.steps]) expect(text.ko, `${lesson.id}: Korean text`).toMatch(HANGUL);
      expect(lesson.steps.length).toBeGreaterThan(0);
    }
  });

  it('builds a project for every lesson and variant that starts a training session', () => {
    for (const lesson of LESSONS) {
      for (const project of [lesson.project(), ...lesson.variants.map((v) => v.project())]) {
        const created = createTrainingSession(project);
        expect(created.ok ? null : created.error, `${lesson.id}: ${project.name}`).toBeNull();
      }
    }
  });

  it('gives a compare lesson at least two variants with unique ids', () => {
    for (const lesson of LESSONS.filter((l) => l.view === 'compare')) {
      expect(lesson.variants.length, lesson.id).toBeGreaterThanOrEqual(2);
      expect(new Set(lesson.variants.map((v) => v.id)).size).toBe(lesson.variants.length);
    }
  });

  it('builds a fresh project on every call, so editing one leaves the lesson unchanged', () => {
    const lesson = LESSONS[0];
    const a = lesson.project();
    a.training.epochs = 1;
    expect(lesson.project().training.epochs).not.toBe(1);
  });
});

describe('the glossary', () => {
  it('pairs every Korean term with an English one and links to a lesson that exists', () => {
    expect(new Set(GLOSSARY.map((g) => g.id)).size).toBe(GLOSSARY.length);
    for (const entry of GLOSSARY) {
      expect(entry.ko).toMatch(HANGUL);
      expect(entry.en).toMatch(/^[a-z]/i);
      expect(entry.meaning.ko).toMatch(HANGUL);
      if (entry.link.type === 'lesson') expect(findLesson(entry.link.lessonId), entry.id).not.toBeNull();
    }
    const pairs = Object.fromEntries(GLOSSARY.map((g) => [g.ko, g.en]));
    expect(pairs).toMatchObject({ '기울기 소실': 'vanishing gradient', 과적합: 'overfitting', '가중치 초기화': 'weight initialization' });
  });
});

describe('the lessons teach what they say', () => {
  it('XOR: tanh reaches 100 % accuracy while the linear network stays at 75 % or less', () => {
    const lesson = findLesson('xor');
    if (!lesson) throw new Error('no xor lesson');
    const accuracy = (id: string): number => {
      const variant = lesson.variants.find((v) => v.id === id);
      if (!variant) throw new Error(`no variant ${id}`);
      const session = start(variant.project());
      while (session.epoch < session.epochs) session.trainStep();
      return session.evaluate().trainAccuracy ?? NaN;
    };
    expect(accuracy('tanh')).toBe(1);
    expect(accuracy('linear')).toBeLessThanOrEqual(0.75);
  });

  it('vanishing gradients: after a few steps the first layer’s gradient is far smaller, relative to the last, with sigmoid than with ReLU', () => {
    const lesson = findLesson('vanishing-gradients');
    if (!lesson) throw new Error('no lesson');
    const ratio = (id: string): number => {
      const session = start(lesson.variants.find((v) => v.id === id)!.project());
      let sum = 0;
      for (let k = 0; k < 20; k++) {
        session.trainStep();
        const layers = session.snapshot();
        sum += layers[0].gradNorm / layers[layers.length - 1].gradNorm;
      }
      return sum / 20;
    };
    const sigmoid = ratio('sigmoid');
    const relu = ratio('relu');
    expect(sigmoid * 20).toBeLessThan(relu);
  });

  it('dropout: ends with a smaller validation loss than the same network without it', () => {
    const lesson = findLesson('dropout');
    if (!lesson) throw new Error('no lesson');
    const finalVal = (id: string): number => {
      const session = start(lesson.variants.find((v) => v.id === id)!.project());
      while (session.epoch < session.epochs) session.trainStep();
      const end = session.evaluate();
      expect(end.trainLoss, `${id} fits its training points`).toBeLessThan(0.05);
      return end.valLoss ?? NaN;
    };
    expect(finalVal('dropout')).toBeLessThan(finalVal('no-dropout'));
  });

  it('optimizer race: every lane lowers the loss from the same starting weights', () => {
    const lesson = findLesson('optimizer-race');
    if (!lesson) throw new Error('no lesson');
    expect(lesson.variants.map((v) => v.id)).toEqual(['sgd', 'momentum', 'nag', 'adagrad', 'rmsprop', 'adadelta', 'adam', 'nadam']);
    const first = lesson.variants.map((v) => start(v.project()).snapshot()[0].weights);
    for (const w of first) expect(Array.from(w)).toEqual(Array.from(first[0]));
    for (const variant of lesson.variants) {
      const session = start(variant.project());
      const before = session.evaluate().trainLoss;
      for (let k = 0; k < 200; k++) session.trainStep();
      expect(session.evaluate().trainLoss, variant.id).toBeLessThan(before);
    }
  });
});
