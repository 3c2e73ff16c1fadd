// Lesson 9: transfer learning: pretrain on a source task, check the three conditions for
// reusing it, freeze its layers under a new head, and compare with training from scratch on the
// same few target examples (concepts 22–25). Short pretraining and comparison so both end in seconds.
import { transferChecks } from '../../transfer/checks';
import { findTask } from '../../transfer/tasks';
import type { Store } from '../../store/store';
import type { Lesson } from '../types';

/** "Few" target examples: the comparison the last check counts trained on at most this many. */
export const MAX_FEW_EXAMPLES = 100;

/** The three conditions (related task, good source performance, compatible shapes) all hold for the chosen pair and its base. */
export function conditionsHold(s: Store): boolean {
  const t = s.transfer;
  try {
    const source = findTask(t.source);
    const target = findTask(t.target);
    const base = t.base !== null && t.base.source === source.key ? t.base : null;
    return transferChecks(source, target, base).every((c) => c.ok === true);
  } catch {
    return false;
  }
}

export const transfer: Lesson = {
  id: 'transfer',
  kind: 'lesson',
  concepts: [22, 23, 24, 25],
  // The playground itself stays small and idle: the transfer panel trains in its own worker.
  setup: { config: { samples: 200 } },
  controls: ['transfer-source', 'transfer-target', 'transfer-pretrain-epochs', 'transfer-pretrain', 'transfer-freeze-1', 'transfer-freeze-2', 'transfer-n', 'transfer-epochs', 'transfer-compare'],
  checks: [
    { sticky: true, passed: (s) => conditionsHold(s) },
    { sticky: true, passed: (_s, log) => log.transfers.some((x) => x.frozen >= 1) },
    {
      sticky: true,
      passed: (s, log) =>
        (s.transfer.result?.nTarget ?? 0) <= MAX_FEW_EXAMPLES &&
        log.transfers.some((x) => x.frozen >= 1 && Number.isFinite(x.transferLoss) && x.transferLoss < x.scratchLoss),
    },
  ],
  text: {
    en: {
      title: 'Transfer learning: reuse a pretrained network',
      idea:
        'Transfer learning reuses what a model learnt on one task for a related task. A good pretrained model was trained on a similar task, performs well on it, and fits the new task’s inputs and outputs. Its layers are frozen and a new output layer is trained on top: this pays most when the new task has little data, and it trains faster.',
      steps: [
        'Press "Set up the page". In Transfer learning, keep the Source task "Circle, 1000 points" and the Target task "Circle, smaller and shifted".',
        'Set Pretraining epochs to 10 and press "Pretrain the base".',
        'Read "Is this a good pretrained model for the target?": related task, good source performance and compatible inputs and outputs should all be ticked.',
        'Under "Freeze base layers", keep layer 1 and layer 2 ticked (the new head always trains). Keep 30 target training examples and set Epochs per method to 40.',
        'Press Compare: from scratch, frozen base + new head and fine-tune all train on the same 30 examples, side by side. Compare their validation losses in the table.',
      ],
      question: 'Why does the frozen base beat training from scratch on 30 examples, and when would scratch catch up?',
      answer:
        'The base already learnt the ring shape from 1000 points; the new head only has to place it for the shifted target, which 30 examples are enough for. From scratch, the whole network must learn the pattern from 30 noisy points and overfits them. With hundreds of target examples, scratch has enough data of its own and catches up.',
      checks: [
        'The three conditions hold: related task, good source performance, compatible inputs and outputs.',
        'A comparison finished with at least one frozen layer.',
        'Transfer beat training from scratch on the few target examples.',
      ],
    },
    zh: {
      title: '迁移学习：复用预训练模型',
      idea:
        '迁移学习把模型在一个任务上学到的知识用到另一个相关任务上。合适的预训练模型应当与目标任务相关、在源任务上表现良好，并且输入输出与目标任务兼容。冻结它的各层，在上面训练一个新的输出层（输出头）：目标任务数据稀缺时最划算，训练也更快。',
      steps: [
        '点击“布置页面”。在“迁移学习”中保持源任务为“圆形，1000 个点”，目标任务为“圆形，缩小并平移”。',
        '把预训练轮数设为 10，点击“预训练基础网络”。',
        '查看“它是适合目标任务的预训练模型吗？”：“任务相关”“源任务上表现良好”“输入和输出兼容”三项都应满足。',
        '在“冻结基础网络的层”中保持第 1 层和第 2 层勾选（新的输出头总是参与训练）。目标训练样本保持 30 个，把“每种方法的训练轮数”设为 40。',
        '点击“比较”：从零训练、冻结基础网络 + 新输出头、全部微调三种方法在同样的 30 个样本上并排训练。在表格中比较它们的验证损失。',
      ],
      question: '为什么在 30 个样本上，冻结的基础网络胜过从零训练？什么时候从零训练能追上？',
      answer:
        '基础网络已经从 1000 个点中学会了圆环的形状；新的输出头只需要把它对准平移后的目标，30 个样本就够了。从零训练时，整个网络都要从 30 个带噪声的点学规律，很容易过拟合。目标样本有几百个时，从零训练有了足够的数据，就能追上。',
      checks: ['三个条件都满足：任务相关、源任务表现良好、输入输出兼容。', '完成了一次至少冻结一层的比较。', '在少量目标样本上，迁移学习胜过从零训练。'],
    },
  },
};
