// Lesson 8: manual vs automatic tuning, grid, random and Bayesian search, the race of the four,
// k-fold cross-validation, the best parameters applied (concepts 15–21). A small data set and a
// 2 × 2 grid with few epochs per trial, so every search ends in seconds.
import type { Lesson } from '../types';
import { bestOf, configHasTrial } from './courseBChecks';

/** The least k of k-fold cross-validation the grid check asks for. */
export const MIN_FOLDS = 3;

export const search: Lesson = {
  id: 'search',
  kind: 'lesson',
  concepts: [15, 16, 17, 18, 19, 20, 21],
  // Learning rate 0.01 and 3 units: neither is in the grid the steps set, so "applied" is visible.
  setup: {
    config: { dataset: 'circle', problem: 'classification', samples: 200, noise: 0.1, seed: 1, layers: [3], activations: ['tanh'], dropout: [0], optimizer: 'sgd', lr: 0.01, batch: 10, l1: 0, l2: 0, patience: 0, epochs: 0 }
  },
  controls: ['lr', 'units-0', 'search-strategy', 'search-on-batch', 'search-list-lr', 'search-list-units', 'search-folds', 'search-epochs'],
  checks: [
    { sticky: true, passed: (_s, log) => log.searches.some((x) => x.strategy === 'grid' && x.folds >= MIN_FOLDS && x.trials >= 2) },
    {
      sticky: true,
      passed: (_s, log) => {
        const random = log.searches.filter((x) => x.strategy === 'random' && x.trials >= 2);
        const bayes = log.searches.filter((x) => x.strategy === 'bayes' && x.trials >= 2);
        return random.some((r) => bayes.some((b) => b.trials === r.trials && b.folds === r.folds));
      },
    },
    {
      sticky: true,
      passed: (s, log) => {
        if (log.searches.length === 0 || s.search.status !== 'done') return false;
        const best = bestOf(s.search.trials, s.search.spec?.objective ?? 'loss');
        return best !== null && configHasTrial(s.config, best.trial);
      },
    },
  ],
  text: {
    en: {
      title: 'Hyperparameter search: grid, random, Bayesian',
      idea:
        'Hyperparameters such as the learning rate, the batch size or the number of hidden units are not learnt; they are chosen. Tuning them by hand teaches you the model but takes time; an automatic search tries them for you: a grid tries every combination (thorough but slow), random search samples the space (efficient but may miss the best), Bayesian optimization lets a model of the results pick the next trial. Each trial is scored by k-fold cross-validation, and the best parameters are then used.',
      steps: [
        'Press "Set up the page", then tune by hand: Train, note the validation loss, change Learning rate or Units, and train again.',
        'In Hyperparameter search, keep Strategy on Grid, untick "Batch size", set the Learning rate values to "0.3, 0.03" and the Units per hidden layer values to "2, 8". Trials shows 4.',
        'Set Folds k to 3 and Epochs per trial to 10, then press "Start search": each row is the mean validation loss over 3 folds, and the best row is highlighted.',
        'Press "Race the four strategies": grid, random, Bayesian and TPE search run on the same space with the same number of trials, and the table fills with their time and best result.',
        'Press "Apply best": the best trial’s learning rate and units go into the playground. Train it and compare with your own best.',
      ],
      question: 'On a space of 3 settings with 10 values each, how many trials does a grid need, and why can random search do with far fewer?',
      answer:
        'A grid needs 10 × 10 × 10 = 1000 trials, times k folds of training each. Usually only one or two settings matter much; random samples try a new value of each of them at every trial, so 20–60 random trials often land close to the best, though they may miss it. Bayesian optimization does better still by choosing each trial from the results so far.',
      checks: [
        'A grid search finished with k-fold cross-validation, k ≥ 3.',
        'Random and Bayesian searches finished on the same space and budget.',
        'The best trial was applied to the playground.',
      ],
    },
    zh: {
      title: '超参数搜索：网格、随机与贝叶斯优化',
      idea:
        '学习率、批量大小、隐藏单元数这样的超参数不是学出来的，而是选出来的。手动调参能让你深入了解模型，但很耗时；自动调参让算法替你搜索：网格搜索遍历每一种组合（彻底但耗时），随机搜索从超参数空间中随机采样（高效但可能错过最佳超参数），贝叶斯优化用已有结果建立的模型来挑选下一次试验。每次试验用 k 折交叉验证打分，然后采用最佳超参数。',
      steps: [
        '点击“布置页面”，先手动调参：训练，记下验证损失，改一下学习率或神经元数，再训练一次。',
        '在“超参数搜索”中保持搜索策略为网格搜索，取消勾选“批大小”，把“学习率”的取值设为“0.3, 0.03”，把“每个隐藏层的神经元数”的取值设为“2, 8”。试验次数显示 4。',
        '把“折数 k”设为 3，“每次试验的训练轮数”设为 10，然后点击“开始搜索”：每一行是 3 折的平均验证损失，最好的一行会高亮。',
        '点击“让四种策略比赛”：网格搜索、随机搜索、贝叶斯优化和 TPE 在同一个空间、用同样的试验次数各跑一遍，表格里填上各自的用时和最佳结果。',
        '点击“应用最佳设置”：最佳试验的学习率和神经元数会填进实验场。训练它，并和你手动调出的最好结果比较。',
      ],
      question: '一个有 3 个超参数、每个 10 个取值的空间，网格搜索需要多少次试验？为什么随机搜索少得多也行？',
      answer:
        '网格需要 10 × 10 × 10 = 1000 次试验，每次还要训练 k 折。通常只有一两个超参数影响最大；随机搜索每次试验都给它们换一个新值，所以 20–60 次随机试验往往就能接近最佳，但也可能错过。贝叶斯优化根据已有结果挑选每一次试验，通常更高效。',
      checks: ['完成了一次 k 折交叉验证（k ≥ 3）的网格搜索。', '随机搜索和贝叶斯优化在同一个空间、同样的预算下都完成了。', '最佳试验已应用到实验场。'],
    },
  },
};
