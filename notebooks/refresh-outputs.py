#!/usr/bin/python3
"""Keeps the notebooks with the outputs of the last test run.

After `install/test.sh` (or `mvn verify`), notebooks/target/executed holds every notebook as nbconvert executed it.
This copies those outputs over the notebooks in this folder, leaving out the plotly.js library (4.8 MB) that the
first figure of a kernel carries: the committed figures then show as PNG until a cell runs again.
Usage: notebooks/refresh-outputs.py [NAME ...]   (default: every notebook that has an executed copy)
"""
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXECUTED = os.path.join(HERE, 'target', 'executed')


def strip_library(notebook):
    for cell in notebook['cells']:
        for output in cell.get('outputs', []):
            html = output.get('data', {}).get('text/html')
            if html is None:
                continue
            text = ''.join(html) if isinstance(html, list) else html
            if 'plotly.js v3' in text:  # the library's script element comes first, then the figure
                output['data']['text/html'] = text[text.index('</script>\n') + len('</script>\n'):]


def main(names):
    if not names:
        names = sorted(os.path.basename(p)[:-len('.ipynb')] for p in glob.glob(os.path.join(HERE, '*.ipynb')))
    for name in names:
        runs = sorted(glob.glob(os.path.join(EXECUTED, name + '.run*.ipynb')))
        if not runs:
            print(f'{name}: no executed copy in {EXECUTED}; run the tests first', file=sys.stderr)
            continue
        with open(runs[0], encoding='utf-8') as f:
            notebook = json.load(f)
        strip_library(notebook)
        target = os.path.join(HERE, name + '.ipynb')
        with open(target, 'w', encoding='utf-8') as f:
            json.dump(notebook, f, indent=1, ensure_ascii=False)
            f.write('\n')
        print(f'{name}: {os.path.getsize(target)} bytes')


if __name__ == '__main__':
    main(sys.argv[1:])
