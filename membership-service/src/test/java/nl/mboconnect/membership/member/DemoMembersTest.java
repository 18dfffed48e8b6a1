package nl.mboconnect.membership.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The local run's demo profiles are all valid, so none is left out when the demo is added. */
class DemoMembersTest {

    @Test
    void everyDemoProfileIsValidAndTheDemoAccountsKeepTheirKeycloakIds() {
        List<DemoMembers.DemoMember> demo = DemoMembers.read();

        assertThat(demo).hasSizeGreaterThanOrEqualTo(12);
        for (DemoMembers.DemoMember member : demo) {
            assertThatNoException().as(member.name()).isThrownBy(() -> {
                member.details();
                member.shown();
            });
            assertThat(member.profile().username()).matches("[a-z.]+");
        }
        assertThat(demo).filteredOn(member -> member.username() != null)
                .extracting(DemoMembers.DemoMember::memberId)
                .containsExactly("6d626f63-0000-4000-8000-000000000101", "6d626f63-0000-4000-8000-000000000102",
                        "6d626f63-0000-4000-8000-000000000103", "6d626f63-0000-4000-8000-000000000104");
    }
}
