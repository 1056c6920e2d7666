import { actionLabels, entityLabels } from './audit-labels';

describe('audit labels', () => {
  it('says actions in words in each language', () => {
    expect(actionLabels('auth.refresh')).toEqual({ zh: '登录 · 续期会话', en: 'Sign-in session renewed' });
    expect(actionLabels('complaint.create')).toEqual({ zh: '投诉 · 创建', en: 'Complaint created' });
    expect(actionLabels('case.withdraw')).toEqual({ zh: '案件 · 撤销案件', en: 'Case withdrawn' });
    expect(actionLabels('licence.export')).toEqual({ zh: '许可证 · 导出', en: 'Licence exported' });
    expect(entityLabels('licence_application')).toEqual({ zh: '许可申请', en: 'licence application' });
  });

  it('keeps the code of an action it does not know', () => {
    expect(actionLabels('mystery.thing')).toEqual({ zh: 'mystery.thing', en: 'mystery.thing' });
    expect(actionLabels('each')).toEqual({ zh: 'each', en: 'each' });
  });
});
