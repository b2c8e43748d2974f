/** Korean strings of the data set's split, scaling and preview (inspector); spread into ko.ts. */
import type { datasetEn } from './dataset-en';

type Table = { [K in keyof typeof datasetEn]: { [L in keyof (typeof datasetEn)[K]]: string } };

export const datasetKo: Table = {
  dataSplit: {
    title: '분할과 스케일링',
    validation: '검증 비율',
    test: '테스트 비율',
    normalization: '입력 스케일링',
    normalizationHint: '학습 데이터로만 맞추며, 프로젝트와 내보낸 모델에 저장됩니다.',
    counts: '학습 {{train}} · 검증 {{val}} · 테스트 {{test}}개 샘플 (학습 시드 {{seed}}로 분할{{stratified}})',
    stratified: ', 클래스별 층화',
    testResult: '테스트 (따로 둔 샘플 {{count}}개): 손실 {{loss}}',
    testResultAccuracy: '테스트 (따로 둔 샘플 {{count}}개): 손실 {{loss}}, 정확도 {{accuracy}}%',
  },
  normalizations: { none: '없음', standardize: '표준화 (평균 0, 표준편차 1)', minmax: '최소-최대 (0 … 1)' },
  datasetPreview: {
    scatterClasses: '샘플 {{count}}개 중 {{shown}}개의 산점도. 가로 {{x}}, 세로 {{y}}, 색은 클래스.',
    scatterValues: '샘플 {{count}}개 중 {{shown}}개의 산점도. 가로 {{x}}, 세로 {{y}}, 색은 {{target}} 값 (주황 낮음 {{min}}, 파랑 높음 {{max}}).',
    curve: '{{x}}(가로)에 대한 {{target}}(세로): 샘플 {{count}}개 중 {{shown}}개.',
    images: '이미지 {{count}}개 중 처음 {{shown}}개 ({{side}}×{{side}} 픽셀, 각각 레이블 표시).',
    table: '{{count}}개 행 중 처음 {{shown}}개.',
    moreColumns: '입력 열 {{count}}개는 표시하지 않았습니다.',
    classColumn: '클래스',
    fileData: '행은 학습을 시작할 때 {{name}}에서 읽으므로 여기서는 미리 볼 수 없습니다.',
    failed: '미리 보기 없음: {{error}}',
    legend: '클래스',
  },
};
