#!/usr/bin/env python3
"""Writes covid-faq as a company's FAQ and its customers' questions, for the whole answer pipeline.

    docs/eval/tools/covid-faq.py LANG DATA COVID_QA OUT_DIR

LANG is en or de; DATA the shared data directory (its covid-faq-de-en folder holds the FAQ questions and the
paraphrase pairs); COVID_QA a checkout of deepset-ai/COVID-QA at fb2eb5e2, whose data/faqs files hold the answers
(the shared data leaves them out: see its README.txt). Writes OUT_DIR/covid-LANG-faq.jsonl (one phrasing per entry,
with its answer, for `kb-import faq --replace` or SampleAnswerBenchmark's -Dbench.faq) and
OUT_DIR/covid-LANG-eval.jsonl (each similar=1 paraphrase with the entry it asks about, for `kb-import eval --set`
or -Dbench.sets). Neither file is committed: the answers are the scraped sites' texts.
"""
import csv
import json
import os
import re
import sys

csv.field_size_limit(10**9)
SOURCES = ['faq_200327.tsv', 'faq_200322_16.tsv', 'faq_covidbert.csv']


def norm(text):
    return re.sub(r'\s+', ' ', text or '').strip()


def answers(covid_qa):
    found = {}
    for name in SOURCES:
        with open(os.path.join(covid_qa, 'data', 'faqs', name), newline='', encoding='utf-8') as handle:
            for row in csv.DictReader(handle, delimiter='\t' if name.endswith('.tsv') else ','):
                question, answer = norm(row.get('question')), norm(row.get('answer'))
                if question and answer:
                    found.setdefault((name, question), answer)
    return found


def main(lang, data, covid_qa, out):
    known = answers(covid_qa)
    folder = os.path.join(data, 'covid-faq-de-en')
    entries = missing = 0
    with open(os.path.join(out, f'covid-{lang}-faq.jsonl'), 'w', encoding='utf-8') as faq:
        with open(os.path.join(folder, f'faq_questions_{lang}.csv'), newline='', encoding='utf-8') as handle:
            for row in csv.DictReader(handle):
                question = norm(row['question'])
                answer = known.get((row['source_file'], question)) or next(
                    (text for (_, asked), text in known.items() if asked == question), None)
                if not answer:
                    missing += 1
                    continue
                faq.write(json.dumps({'id': row['faq_id'], 'question': question, 'answer': answer[:4000],
                                      'language': lang}, ensure_ascii=False) + '\n')
                entries += 1
    questions = 0
    with open(os.path.join(out, f'covid-{lang}-eval.jsonl'), 'w', encoding='utf-8') as evaluation:
        with open(os.path.join(folder, f'question_pairs_{lang}.csv'), newline='', encoding='utf-8') as handle:
            for row in csv.DictReader(handle):
                if row['similar'] == '1' and row['faq_id_1']:
                    evaluation.write(json.dumps({'question': row['question_2'], 'expected': row['faq_id_1']},
                                                ensure_ascii=False) + '\n')
                    questions += 1
    print(f'{lang}: {entries} entries ({missing} without an answer), {questions} questions')


if __name__ == '__main__':
    if len(sys.argv) != 5 or sys.argv[1] not in ('en', 'de'):
        sys.exit(__doc__)
    main(*sys.argv[1:])
