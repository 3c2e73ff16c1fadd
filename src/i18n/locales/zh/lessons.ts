// 课程面板自身的文字(各课内容在 src/lessons/data,每课一个文件)。
import type { Strings } from '../../strings';
import type en from '../en/lessons';

const lessons: Strings<typeof en> = {
  panel: {
    title: '课程',
    intro: '简短的引导式课程:每课一键布置页面,告诉你该做什么,并根据实时结果检查你完成了哪些目标。',
    lessons: '课程目录',
    exercises: '练习',
    concepts: '知识点 {{list}}',
    completed: '已完成',
    unknown: '链接里的课程“{{id}}”不存在；已显示课程目录。',
    progress: '已完成 {{done}} / {{total}}',
    loading: '正在加载课程…',
  },
  lesson: {
    position: '第 {{n}} 课,共 {{total}} 课',
    exercise: '练习 {{n}},共 {{total}} 个',
    setup: '布置页面',
    settingUp: '正在布置…',
    setupDone: '页面已按本课布置好。',
    steps: '步骤',
    question: '思考题',
    showAnswer: '显示答案',
    checks: '检查项',
    met: '已达成',
    notYet: '未达成',
    allMet: '所有检查项均已达成:本课完成。',
    previous: '上一课',
    next: '下一课',
    close: '全部课程',
    nav: '课程导航',
  },
};
export default lessons;
