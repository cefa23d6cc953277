package org.ipop.enterprises;

/** How an enterprise would cooperate on a demand. */
public enum CooperationMode {
    TRANSFER("转让"), LICENCE("许可"), OPEN_LICENCE("开放许可"), EQUITY("作价入股"), JOINT_DEVELOPMENT("合作开发"),
    COMMISSIONED_DEVELOPMENT("委托开发");

    private final String chinese;

    CooperationMode(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
