#!/usr/bin/env python3
"""Writes N deterministic synthetic project rows (labelled demo in the name) in the import template's CSV
layout to stdout: the template's two header rows, then rows with generated codes BENCH-IND-000001…, so a
second import of the same file finds every row again by code. Usage: gen-projects.py N template.csv"""
import csv, sys
n = int(sys.argv[1])
with open(sys.argv[2], encoding='utf-8-sig') as f:
    rows = list(csv.reader(f))
header, keys, example = rows[0], rows[1], rows[2]
districts = ['SX_COUNTY', 'ZHUJI', 'SHANGYU', 'SHENGZHOU', 'XINCHANG', 'YUECHENG', 'HIGH_TECH_ZONE', 'PAOJIANG',
             'JINGHU', 'BINHAI']
w = csv.writer(sys.stdout, lineterminator='\n')
sys.stdout.write('\ufeff')
w.writerow(header); w.writerow(keys)
for i in range(n):
    r = dict(zip(keys, example))
    total = 5 + (i * 37) % 200 / 10
    planned = round(total * 0.3, 1)
    r.update(code=f'BENCH-IND-{i:06d}', name=f'演示批量项目{i:06d}(demo)', districtCode=districts[i % len(districts)],
             totalInvestment=f'{total:.1f}', plannedInvestment=f'{planned:.1f}', nationalCode='',
             ownerEnterprise=f'演示企业{i % 997}', fundingBudget='', fundingDomesticLoan='',
             fundingSelfRaised=f'{planned:.1f}')
    for m in range(1, 13):
        r[f'plannedMonthly{m:02d}'] = ''
    w.writerow([r[k] for k in keys])
