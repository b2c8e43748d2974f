/** English strings of the data set's split, scaling and preview (inspector); spread into en.ts. */
export const datasetEn = {
  dataSplit: {
    title: 'Split and scaling',
    validation: 'Validation share',
    test: 'Test share',
    normalization: 'Input scaling',
    normalizationHint: 'Fitted on the training part only; saved in the project and the exported model.',
    counts: '{{train}} training · {{val}} validation · {{test}} test samples (split by the training seed {{seed}}{{stratified}})',
    stratified: ', stratified by class',
    testResult: 'Test ({{count}} held-out samples): loss {{loss}}',
    testResultAccuracy: 'Test ({{count}} held-out samples): loss {{loss}}, accuracy {{accuracy}} %',
  },
  normalizations: { none: 'None', standardize: 'Standardize (mean 0, std. 1)', minmax: 'Min-max (0 … 1)' },
  datasetPreview: {
    scatterClasses: 'Scatter plot of {{shown}} of {{count}} samples, {{x}} across and {{y}} up, coloured by class.',
    scatterValues: 'Scatter plot of {{shown}} of {{count}} samples, {{x}} across and {{y}} up, coloured by {{target}} from orange (low, {{min}}) to blue (high, {{max}}).',
    curve: '{{target}} (up) against {{x}} (across): {{shown}} of {{count}} samples.',
    images: 'The first {{shown}} of {{count}} images, {{side}}×{{side}} pixels, each with its label.',
    table: 'The first {{shown}} of {{count}} rows.',
    moreColumns: '{{count}} more input columns are not shown.',
    classColumn: 'class',
    fileData: 'The rows are read from {{name}} when training starts, so there is no preview here.',
    failed: 'No preview: {{error}}',
    legend: 'Classes',
  },
} as const;
