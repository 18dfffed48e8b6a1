package nl.mboconnect.events.event;

import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import nl.mboconnect.events.directory.GroupMemberships;
import nl.mboconnect.events.directory.GroupMemberships.GroupMembership;
import nl.mboconnect.platform.events.readmodel.ReadModel;
import nl.mboconnect.platform.service.Caller;

/**
 * Gives every resource method that asks for a {@link Viewer} the caller as the domain sees them: a
 * member with their id and roles from the token and the groups they are in (as membership-service's
 * group events told this service, read only if an event asks), or an anonymous visitor without one.
 */
@Component
class ViewerArguments implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final ReadModel<GroupMembership> groups;

    ViewerArguments(ReadModel<GroupMembership> groups) {
        this.groups = groups;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Viewer.class;
    }

    @Override
    public Viewer resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt token) {
            Caller caller = Caller.of(token);
            return Viewer.withGroupsFrom(caller.id(), caller.platformRoles(),
                    () -> GroupMemberships.groupsOf(groups, caller.id()));
        }
        return Viewer.anonymous();
    }
}
