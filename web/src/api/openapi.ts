// GENERATED from the server's OpenAPI document by `npm run api:types`; do not edit.
// server/test/api-types.test.ts fails when this file and the server's route schemas differ.
/* eslint-disable */
export interface paths {
    "/api/v1/admin/login-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 登录日志 Login log */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    outcome?: string;
                    page?: number;
                    pageSize?: number;
                    sort?: string;
                    to?: string;
                    username?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countedAt?: string;
                            items: {
                                at: string;
                                id: number;
                                ip: string | null;
                                outcome: string;
                                userAgent: string | null;
                                username: string;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalCapped?: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/orgs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 机构列表 Organisations */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            parentId: number | null;
                            regionCode: string;
                            regionName: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** 新建机构 Create organisation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        parentId?: number | null;
                        regionCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            parentId: number | null;
                            regionCode: string;
                            regionName: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/orgs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改机构 Update organisation */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        parentId?: number | null;
                        regionCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            parentId: number | null;
                            regionCode: string;
                            regionName: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        /** 删除机构 Delete organisation */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 权限目录 Permission catalogue */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            en: string;
                            group: string;
                            key: string;
                            zh: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 角色列表 Roles */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            builtin: boolean;
                            customRegions: string[];
                            /** @enum {string} */
                            dataScope: "all" | "region" | "region_and_below" | "custom" | "self";
                            id: number;
                            key: string;
                            name: string;
                            permissions: string[];
                            requiresMfa: boolean;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** 新建角色 Create role */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default [] */
                        customRegions?: string[];
                        /** @enum {string} */
                        dataScope: "all" | "region" | "region_and_below" | "custom" | "self";
                        key: string;
                        name: string;
                        permissions: string[];
                        /** @default false */
                        requiresMfa?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            builtin: boolean;
                            customRegions: string[];
                            /** @enum {string} */
                            dataScope: "all" | "region" | "region_and_below" | "custom" | "self";
                            id: number;
                            key: string;
                            name: string;
                            permissions: string[];
                            requiresMfa: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/roles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改角色 Update role */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default [] */
                        customRegions?: string[];
                        /** @enum {string} */
                        dataScope: "all" | "region" | "region_and_below" | "custom" | "self";
                        name: string;
                        permissions: string[];
                        /** @default false */
                        requiresMfa?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            builtin: boolean;
                            customRegions: string[];
                            /** @enum {string} */
                            dataScope: "all" | "region" | "region_and_below" | "custom" | "self";
                            id: number;
                            key: string;
                            name: string;
                            permissions: string[];
                            requiresMfa: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        /** 删除角色 Delete role */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 在线会话 Online sessions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            current: boolean;
                            id: string;
                            ip: string | null;
                            lastSeenAt: string;
                            userAgent: string | null;
                            userId: number;
                            username: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 强制下线 Force logout */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 用户列表 Users */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    regionCode?: string;
                    sort?: string;
                    status?: "active" | "disabled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countedAt?: string;
                            items: {
                                displayName: string;
                                id: number;
                                lastLoginAt: string | null;
                                lockedUntil: string | null;
                                mfaEnabled: boolean;
                                orgId: number;
                                orgName: string;
                                regionCode: string;
                                regionName: string | null;
                                roles: {
                                    id: number;
                                    key: string;
                                    name: string;
                                }[];
                                /** @enum {string} */
                                status: "active" | "disabled";
                                username: string;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalCapped?: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 新建用户 Create user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName: string;
                        orgId: number;
                        /** @default [] */
                        roleIds?: number[];
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            initialPassword: string;
                            user: {
                                displayName: string;
                                id: number;
                                lastLoginAt: string | null;
                                lockedUntil: string | null;
                                mfaEnabled: boolean;
                                orgId: number;
                                orgName: string;
                                regionCode: string;
                                regionName: string | null;
                                roles: {
                                    id: number;
                                    key: string;
                                    name: string;
                                }[];
                                /** @enum {string} */
                                status: "active" | "disabled";
                                username: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改用户 Update user */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName?: string;
                        orgId?: number;
                        roleIds?: number[];
                        /** @enum {string} */
                        status?: "active" | "disabled";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            displayName: string;
                            id: number;
                            lastLoginAt: string | null;
                            lockedUntil: string | null;
                            mfaEnabled: boolean;
                            orgId: number;
                            orgName: string;
                            regionCode: string;
                            regionName: string | null;
                            roles: {
                                id: number;
                                key: string;
                                name: string;
                            }[];
                            /** @enum {string} */
                            status: "active" | "disabled";
                            username: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重置密码 Reset password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            initialPassword: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 解锁 Unlock */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审计日志 Audit log */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    actor?: string;
                    from?: string;
                    outcome?: "success" | "failure" | "denied";
                    page?: number;
                    pageSize?: number;
                    sort?: string;
                    targetId?: string;
                    targetType?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countedAt?: string;
                            items: {
                                action: string;
                                actorId: number | null;
                                actorName: string;
                                at: string;
                                detail: {
                                    [key: string]: unknown;
                                } | null;
                                ip: string | null;
                                outcome: string;
                                regionCode: string | null;
                                requestId: string | null;
                                seq: number;
                                targetId: string | null;
                                targetType: string | null;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalCapped?: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出审计日志 Export audit log */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    actor?: string;
                    from?: string;
                    outcome?: "success" | "failure" | "denied";
                    sort?: string;
                    targetId?: string;
                    targetType?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 校验审计链 Verify the hash chain */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checked: number;
                            lastSeq: number;
                            ok: boolean;
                            problems: {
                                kind: string;
                                message: {
                                    en: string;
                                    zh: string;
                                };
                                seq: number;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登录 Sign in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        totp?: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            me: {
                                displayName: string;
                                id: number;
                                /** @enum {string} */
                                kind: "staff" | "person" | "employer";
                                mfaEnabled: boolean;
                                mfaRequired: boolean;
                                mustChangePassword: boolean;
                                orgId: number;
                                orgName: string;
                                passwordExpired: boolean;
                                permissions: string[];
                                regionCode: string;
                                regionName: string | null;
                                roles: {
                                    key: string;
                                    name: string;
                                }[];
                                scope: {
                                    kind: string;
                                    regionCodes: string[];
                                };
                                subjectId: number | null;
                                username: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退出 Sign out */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 当前用户 Who am I */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            displayName: string;
                            id: number;
                            /** @enum {string} */
                            kind: "staff" | "person" | "employer";
                            mfaEnabled: boolean;
                            mfaRequired: boolean;
                            mustChangePassword: boolean;
                            orgId: number;
                            orgName: string;
                            passwordExpired: boolean;
                            permissions: string[];
                            regionCode: string;
                            regionName: string | null;
                            roles: {
                                key: string;
                                name: string;
                            }[];
                            scope: {
                                kind: string;
                                regionCodes: string[];
                            };
                            subjectId: number | null;
                            username: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 修改密码 Change password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/totp/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 启用动态口令 Confirm TOTP enrolment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/totp/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 生成动态口令密钥 Start TOTP enrolment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            otpauthUrl: string;
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 就业代码表 Employment code lists */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/fairness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 重点群体匹配公平性报告 Fairness report for the plan’s groups */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    regionCode?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/graduates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 高校毕业生去向列表 Graduates’ destinations */
        get: {
            parameters: {
                query?: {
                    destination?: "contract" | "research_assistant" | "military" | "grassroots_project" | "self_employed" | "flexible" | "further_study" | "abroad" | "seeking" | "not_seeking";
                    graduationYear?: number;
                    page?: number;
                    pageSize?: number;
                    regionCode?: string;
                    sort?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countedAt?: string;
                            items: {
                                destination: string;
                                education: string;
                                graduationYear: number;
                                id: number;
                                idNumberMasked: string;
                                personId: number;
                                personName: string;
                                recordedOn: string;
                                regionCode: string;
                                regionName: string | null;
                                school: string;
                                staysInHainan: boolean | null;
                                updatedAt: string;
                                version: number;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalCapped?: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 登记毕业去向 Record a graduate’s destination */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        destination: "contract" | "research_assistant" | "military" | "grassroots_project" | "self_employed" | "flexible" | "further_study" | "abroad" | "seeking" | "not_seeking";
                        /** @enum {string} */
                        education: "junior_college" | "bachelor" | "master" | "doctor";
                        graduationYear: number;
                        personId: number;
                        /** @description YYYY-MM-DD */
                        recordedOn: string;
                        school: string;
                        staysInHainan?: boolean | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            destination: string;
                            education: string;
                            graduationYear: number;
                            id: number;
                            idNumberMasked: string;
                            personId: number;
                            personName: string;
                            recordedOn: string;
                            regionCode: string;
                            regionName: string | null;
                            school: string;
                            staysInHainan: boolean | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/graduates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 修改毕业去向 Update a graduate’s destination */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        destination: "contract" | "research_assistant" | "military" | "grassroots_project" | "self_employed" | "flexible" | "further_study" | "abroad" | "seeking" | "not_seeking";
                        /** @enum {string} */
                        education: "junior_college" | "bachelor" | "master" | "doctor";
                        /** @description YYYY-MM-DD */
                        recordedOn: string;
                        school: string;
                        staysInHainan?: boolean | null;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            destination: string;
                            education: string;
                            graduationYear: number;
                            id: number;
                            idNumberMasked: string;
                            personId: number;
                            personName: string;
                            recordedOn: string;
                            regionCode: string;
                            regionName: string | null;
                            school: string;
                            staysInHainan: boolean | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/layoffs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 裁员报告列表 Layoff reports */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    regionCode?: string;
                    sort?: string;
                    status?: "reported" | "following_up" | "closed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countedAt?: string;
                            items: {
                                employerId: number;
                                employerName: string;
                                id: number;
                                plannedCount: number;
                                plannedDate: string;
                                reason: string;
                                regionCode: string;
                                regionName: string | null;
                                reportedOn: string;
                                staffCount: number;
                                status: string;
                                statutory: boolean;
                                updatedAt: string;
                                version: number;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalCapped?: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 登记裁员报告 Record a layoff report */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        employerId: number;
                        plannedCount: number;
                        /** @description YYYY-MM-DD */
                        plannedDate: string;
                        reason: string;
                        /** @description YYYY-MM-DD */
                        reportedOn: string;
                        staffCount: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            employerId: number;
                            employerName: string;
                            id: number;
                            plannedCount: number;
                            plannedDate: string;
                            reason: string;
                            regionCode: string;
                            regionName: string | null;
                            reportedOn: string;
                            staffCount: number;
                            status: string;
                            statutory: boolean;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/layoffs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 裁员报告详情 Layoff report */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            employerId: number;
                            employerName: string;
                            followups: {
                                actorName: string;
                                createdAt: string;
                                followupDate: string;
                                id: number;
                                kind: string;
                                note: string;
                                staffReemployed: number | null;
                            }[];
                            id: number;
                            plannedCount: number;
                            plannedDate: string;
                            reason: string;
                            regionCode: string;
                            regionName: string | null;
                            reportedOn: string;
                            staffCount: number;
                            status: string;
                            statutory: boolean;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/layoffs/{id}/followups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 裁员跟进记录 Add a follow-up */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        close?: boolean;
                        /** @description YYYY-MM-DD */
                        followupDate: string;
                        /** @enum {string} */
                        kind: "visit" | "call" | "policy" | "reemployment_service" | "note";
                        note: string;
                        staffReemployed?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actorName: string;
                            createdAt: string;
                            followupDate: string;
                            id: number;
                            kind: string;
                            note: string;
                            staffReemployed: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/matching/formula": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 匹配评分公式 The match score formula */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/monitoring/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 就业监测：按地区、行业、群体与月份 Employment monitoring by region, industry, group and month */
        get: {
            parameters: {
                query?: {
                    regionCode?: string;
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/monitoring/supply-demand": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 求人倍率（岗位数÷求职人数），按职业或县 Supply-demand ratio by occupation or county */
        get: {
            parameters: {
                query?: {
                    by?: "occupation" | "county";
                    regionCode?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/occupations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 职业分类（大类、中类与已导入职业） Occupation classification */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    prefix?: string;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/placements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 推荐、投递与职业介绍 Recommendations, applications, referrals */
        get: {
            parameters: {
                query?: {
                    kind?: "recommendation" | "application" | "referral";
                    page?: number;
                    pageSize?: number;
                    seekerId?: number;
                    sort?: string;
                    status?: "proposed" | "applied" | "interview" | "hired" | "rejected" | "withdrawn";
                    vacancyId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countedAt?: string;
                            items: {
                                createdAt: string;
                                employerName: string;
                                employmentId: number | null;
                                id: number;
                                kind: string;
                                note: string | null;
                                outcomeDate: string | null;
                                personId: number;
                                personName: string;
                                score: number;
                                seekerId: number;
                                status: string;
                                vacancyId: number;
                                vacancyTitle: string;
                                version: number;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalCapped?: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 推荐、投递或职业介绍 Recommend, apply or refer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "recommendation" | "application" | "referral";
                        note?: string | null;
                        seekerId: number;
                        vacancyId: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            employerName: string;
                            employmentId: number | null;
                            id: number;
                            improve: {
                                en: string;
                                factor: string;
                                gain: number;
                                zh: string;
                            }[];
                            kind: string;
                            note: string | null;
                            outcomeDate: string | null;
                            personId: number;
                            personName: string;
                            reasons: {
                                en: string;
                                factor: string;
                                points: number;
                                value: number;
                                weight: number;
                                zh: string;
                            }[];
                            score: number;
                            seekerId: number;
                            status: string;
                            vacancyId: number;
                            vacancyTitle: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/placements/{id}/outcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记结果（录用即办理就业登记） Record the outcome (a hire registers the employment) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        area?: "urban" | "rural";
                        hasContract?: boolean;
                        note?: string | null;
                        outcomeDate: string;
                        /** @enum {string} */
                        status: "applied" | "interview" | "hired" | "rejected" | "withdrawn";
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            employerName: string;
                            employmentId: number | null;
                            id: number;
                            kind: string;
                            note: string | null;
                            outcomeDate: string | null;
                            personId: number;
                            personName: string;
                            score: number;
                            seekerId: number;
                            status: string;
                            vacancyId: number;
                            vacancyTitle: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 就业登记列表 Employment registrations */
        get: {
            parameters: {
                query?: {
                    employerId?: number;
                    /** @description YYYY-MM-DD */
                    from?: string;
                    kind?: "employee" | "self_employed" | "flexible" | "public_welfare";
                    newUrban?: "true" | "false";
                    open?: "true" | "false";
                    page?: number;
                    pageSize?: number;
                    personId?: number;
                    regionCode?: string;
                    sort?: string;
                    /** @description YYYY-MM-DD */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countedAt?: string;
                            items: {
                                /** @enum {string} */
                                area: "urban" | "rural";
                                createdAt: string;
                                employerId: number | null;
                                employerName: string | null;
                                endDate: string | null;
                                hasContract: boolean;
                                id: number;
                                idNumberMasked: string;
                                /** @enum {string} */
                                kind: "employee" | "self_employed" | "flexible" | "public_welfare";
                                newUrban: boolean;
                                occupationCode: string | null;
                                occupationName: string | null;
                                personId: number;
                                personName: string;
                                regionCode: string;
                                regionName: string | null;
                                source: string;
                                startDate: string;
                                terminationReason: string | null;
                                updatedAt: string;
                                version: number;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalCapped?: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 就业登记 Register an employment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        area: "urban" | "rural";
                        employerId?: number | null;
                        endDate?: string | null;
                        hasContract?: boolean;
                        /** @enum {string} */
                        kind: "employee" | "self_employed" | "flexible" | "public_welfare";
                        newUrban?: boolean;
                        occupationCode?: string | null;
                        personId: number;
                        reemployment?: boolean;
                        /** @description YYYY-MM-DD */
                        startDate: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            area: "urban" | "rural";
                            closedUnemploymentId: number | null;
                            createdAt: string;
                            employerId: number | null;
                            employerName: string | null;
                            endDate: string | null;
                            hasContract: boolean;
                            householdChanged: number[];
                            id: number;
                            idNumberMasked: string;
                            /** @enum {string} */
                            kind: "employee" | "self_employed" | "flexible" | "public_welfare";
                            newUrban: boolean;
                            occupationCode: string | null;
                            occupationName: string | null;
                            personId: number;
                            personName: string;
                            regionCode: string;
                            regionName: string | null;
                            source: string;
                            startDate: string;
                            terminationReason: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/registrations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 就业登记详情 Employment registration */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            area: "urban" | "rural";
                            createdAt: string;
                            employerId: number | null;
                            employerName: string | null;
                            endDate: string | null;
                            hasContract: boolean;
                            id: number;
                            idNumberMasked: string;
                            /** @enum {string} */
                            kind: "employee" | "self_employed" | "flexible" | "public_welfare";
                            newUrban: boolean;
                            occupationCode: string | null;
                            occupationName: string | null;
                            personId: number;
                            personName: string;
                            regionCode: string;
                            regionName: string | null;
                            source: string;
                            startDate: string;
                            terminationReason: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/registrations/{id}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 就业终止 Terminate an employment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description YYYY-MM-DD */
                        endDate: string;
                        reason: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            area: "urban" | "rural";
                            createdAt: string;
                            employerId: number | null;
                            employerName: string | null;
                            endDate: string | null;
                            hasContract: boolean;
                            householdChanged: number[];
                            id: number;
                            idNumberMasked: string;
                            /** @enum {string} */
                            kind: "employee" | "self_employed" | "flexible" | "public_welfare";
                            newUrban: boolean;
                            occupationCode: string | null;
                            occupationName: string | null;
                            personId: number;
                            personName: string;
                            regionCode: string;
                            regionName: string | null;
                            source: string;
                            startDate: string;
                            terminationReason: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/seekers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 求职登记列表 Job seekers */
        get: {
            parameters: {
                query?: {
                    group?: "graduate" | "rural_migrant" | "veteran" | "disability" | "zero_employment_household";
                    occupation?: string;
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    regionCode?: string;
                    sort?: string;
                    status?: "active" | "paused" | "closed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countedAt?: string;
                            items: {
                                availableFrom: string | null;
                                desiredOccupations: string[];
                                desiredRegions: string[];
                                education: string;
                                groups: string[];
                                id: number;
                                idNumberMasked: string;
                                name: string;
                                personId: number;
                                regionCode: string;
                                regionName: string | null;
                                salaryMin: number | null;
                                skills: string[];
                                status: string;
                                updatedAt: string;
                                version: number;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalCapped?: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 求职登记 Create a seeker profile */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        availableFrom: string | null;
                        desiredOccupations: string[];
                        desiredRegions: string[];
                        /** @enum {string} */
                        education: "none" | "primary" | "junior" | "senior" | "vocational" | "junior_college" | "bachelor" | "master" | "doctor";
                        groups?: ("graduate" | "rural_migrant" | "veteran" | "disability" | "zero_employment_household")[];
                        personId: number;
                        salaryMin: number | null;
                        skills: string[];
                        /** @enum {string} */
                        status?: "active" | "paused" | "closed";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            availableFrom: string | null;
                            desiredOccupations: string[];
                            desiredRegions: string[];
                            education: string;
                            groups: string[];
                            id: number;
                            idNumberMasked: string;
                            name: string;
                            personId: number;
                            regionCode: string;
                            regionName: string | null;
                            salaryMin: number | null;
                            skills: string[];
                            status: string;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/seekers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 求职者详情（记入查看记录） Seeker profile (logged as a view) */
        get: {
            parameters: {
                query?: {
                    vacancyId?: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            availableFrom: string | null;
                            desiredOccupations: string[];
                            desiredRegions: string[];
                            education: string;
                            groups: string[];
                            id: number;
                            idNumberMasked: string;
                            name: string;
                            personId: number;
                            regionCode: string;
                            regionName: string | null;
                            salaryMin: number | null;
                            skills: string[];
                            status: string;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        /** 修改求职登记 Update a seeker profile */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        availableFrom: string | null;
                        desiredOccupations: string[];
                        desiredRegions: string[];
                        /** @enum {string} */
                        education: "none" | "primary" | "junior" | "senior" | "vocational" | "junior_college" | "bachelor" | "master" | "doctor";
                        groups?: ("graduate" | "rural_migrant" | "veteran" | "disability" | "zero_employment_household")[];
                        salaryMin: number | null;
                        skills: string[];
                        /** @enum {string} */
                        status?: "active" | "paused" | "closed";
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            availableFrom: string | null;
                            desiredOccupations: string[];
                            desiredRegions: string[];
                            education: string;
                            groups: string[];
                            id: number;
                            idNumberMasked: string;
                            name: string;
                            personId: number;
                            regionCode: string;
                            regionName: string | null;
                            salaryMin: number | null;
                            skills: string[];
                            status: string;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/seekers/{id}/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 为求职者匹配岗位 Best vacancies for a seeker */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                employerId: number;
                                employerName: string;
                                expiresOn: string;
                                improve: {
                                    en: string;
                                    factor: string;
                                    gain: number;
                                    zh: string;
                                }[];
                                occupationCode: string;
                                occupationName: string | null;
                                reasons: {
                                    en: string;
                                    factor: string;
                                    points: number;
                                    value: number;
                                    weight: number;
                                    zh: string;
                                }[];
                                regionCode: string;
                                regionName: string | null;
                                salaryMax: number;
                                salaryMin: number;
                                score: number;
                                title: string;
                                vacancyId: number;
                            }[];
                            scanned: number;
                            tiersUsed: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/seekers/{id}/views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 谁查看了我的简历 Who viewed the profile */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            vacancyId: number | null;
                            vacancyTitle: string | null;
                            viewedAt: string;
                            viewerName: string;
                            viewerOrg: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 农村劳动力转移就业列表 Rural labour transfers */
        get: {
            parameters: {
                query?: {
                    /** @description YYYY-MM-DD */
                    from?: string;
                    page?: number;
                    pageSize?: number;
                    personId?: number;
                    regionCode?: string;
                    sort?: string;
                    /** @description YYYY-MM-DD */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countedAt?: string;
                            items: {
                                createdAt: string;
                                destination: string;
                                destinationRegionCode: string | null;
                                id: number;
                                idNumberMasked: string;
                                industry: string | null;
                                occupationCode: string | null;
                                personId: number;
                                personName: string;
                                regionCode: string;
                                regionName: string | null;
                                transferDate: string;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalCapped?: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 登记农村劳动力转移就业 Register a rural labour transfer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        destination: "in_county" | "in_province" | "out_of_province";
                        destinationRegionCode?: string | null;
                        industry?: string | null;
                        occupationCode?: string | null;
                        personId: number;
                        /** @description YYYY-MM-DD */
                        transferDate: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            destination: string;
                            destinationRegionCode: string | null;
                            id: number;
                            idNumberMasked: string;
                            industry: string | null;
                            occupationCode: string | null;
                            personId: number;
                            personName: string;
                            regionCode: string;
                            regionName: string | null;
                            transferDate: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/unemployment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 失业登记列表 Unemployment registrations */
        get: {
            parameters: {
                query?: {
                    difficulty?: "true" | "false";
                    /** @description YYYY-MM-DD */
                    from?: string;
                    group?: "graduate" | "rural_migrant" | "veteran" | "disability" | "zero_employment_household";
                    open?: "true" | "false";
                    page?: number;
                    pageSize?: number;
                    personId?: number;
                    regionCode?: string;
                    sort?: string;
                    /** @description YYYY-MM-DD */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countedAt?: string;
                            items: {
                                closedOn: string | null;
                                closedReason: string | null;
                                createdAt: string;
                                difficulty: boolean;
                                difficultySince: string | null;
                                groups: string[];
                                id: number;
                                idNumberMasked: string;
                                personId: number;
                                personName: string;
                                reason: string;
                                reemploymentId: number | null;
                                regionCode: string;
                                regionName: string | null;
                                registeredOn: string;
                                updatedAt: string;
                                urban: boolean;
                                version: number;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalCapped?: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 失业登记 Register unemployment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        difficulty?: boolean;
                        difficultySince?: string | null;
                        groups?: ("graduate" | "rural_migrant" | "veteran" | "disability" | "zero_employment_household")[];
                        personId: number;
                        /** @enum {string} */
                        reason: "contract_ended" | "dismissed" | "resigned" | "business_closed" | "graduate" | "land_expropriated" | "veteran" | "other";
                        /** @description YYYY-MM-DD */
                        registeredOn: string;
                        urban?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            closedOn: string | null;
                            closedReason: string | null;
                            createdAt: string;
                            difficulty: boolean;
                            difficultySince: string | null;
                            groups: string[];
                            id: number;
                            idNumberMasked: string;
                            personId: number;
                            personName: string;
                            reason: string;
                            reemploymentId: number | null;
                            regionCode: string;
                            regionName: string | null;
                            registeredOn: string;
                            updatedAt: string;
                            urban: boolean;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/unemployment/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 失业登记详情（含服务记录） Unemployment registration with services */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            closedOn: string | null;
                            closedReason: string | null;
                            createdAt: string;
                            difficulty: boolean;
                            difficultySince: string | null;
                            groups: string[];
                            id: number;
                            idNumberMasked: string;
                            personId: number;
                            personName: string;
                            reason: string;
                            reemploymentId: number | null;
                            regionCode: string;
                            regionName: string | null;
                            registeredOn: string;
                            services: {
                                createdAt: string;
                                id: number;
                                kind: string;
                                note: string | null;
                                serviceDate: string;
                                unemploymentId: number;
                            }[];
                            updatedAt: string;
                            urban: boolean;
                            version: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/unemployment/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 结束失业登记（非再就业） Close a registration (not re-employment) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description YYYY-MM-DD */
                        closedOn: string;
                        /** @enum {string} */
                        reason: "reemployed" | "moved_away" | "retired" | "enrolled" | "deregistered" | "other";
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            closedOn: string | null;
                            closedReason: string | null;
                            createdAt: string;
                            difficulty: boolean;
                            difficultySince: string | null;
                            groups: string[];
                            id: number;
                            idNumberMasked: string;
                            personId: number;
                            personName: string;
                            reason: string;
                            reemploymentId: number | null;
                            regionCode: string;
                            regionName: string | null;
                            registeredOn: string;
                            updatedAt: string;
                            urban: boolean;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/unemployment/{id}/difficulty": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 就业困难人员认定 Employment-difficulty status */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        difficulty: boolean;
                        groups?: ("graduate" | "rural_migrant" | "veteran" | "disability" | "zero_employment_household")[];
                        since?: string | null;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            closedOn: string | null;
                            closedReason: string | null;
                            createdAt: string;
                            difficulty: boolean;
                            difficultySince: string | null;
                            groups: string[];
                            id: number;
                            idNumberMasked: string;
                            personId: number;
                            personName: string;
                            reason: string;
                            reemploymentId: number | null;
                            regionCode: string;
                            regionName: string | null;
                            registeredOn: string;
                            updatedAt: string;
                            urban: boolean;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/unemployment/{id}/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记就业服务 Record a service received */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "job_introduction" | "guidance" | "training_referral";
                        note?: string | null;
                        /** @description YYYY-MM-DD */
                        serviceDate: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: number;
                            kind: string;
                            note: string | null;
                            serviceDate: string;
                            unemploymentId: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/vacancies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 岗位列表 Vacancies */
        get: {
            parameters: {
                query?: {
                    employerId?: number;
                    occupation?: string;
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    regionCode?: string;
                    sort?: string;
                    status?: "open" | "filled" | "closed" | "expired";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countedAt?: string;
                            items: {
                                description: string;
                                education: string;
                                employerId: number;
                                employerName: string;
                                expiresOn: string;
                                filled: number;
                                headcount: number;
                                id: number;
                                occupationCode: string;
                                occupationName: string | null;
                                regionCode: string;
                                regionName: string | null;
                                salaryMax: number;
                                salaryMin: number;
                                skills: string[];
                                status: string;
                                title: string;
                                updatedAt: string;
                                version: number;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalCapped?: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 发布岗位（同单位同岗位去重） Post a vacancy (de-duplicated) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        /** @enum {string} */
                        education: "none" | "primary" | "junior" | "senior" | "vocational" | "junior_college" | "bachelor" | "master" | "doctor";
                        employerId: number;
                        expiresOn: string;
                        headcount: number;
                        occupationCode: string;
                        regionCode?: string | null;
                        salaryMax: number;
                        salaryMin: number;
                        skills: string[];
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            description: string;
                            education: string;
                            employerId: number;
                            employerName: string;
                            expiresOn: string;
                            filled: number;
                            headcount: number;
                            id: number;
                            occupationCode: string;
                            occupationName: string | null;
                            regionCode: string;
                            regionName: string | null;
                            salaryMax: number;
                            salaryMin: number;
                            skills: string[];
                            status: string;
                            title: string;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/vacancies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 岗位详情 Vacancy */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            description: string;
                            education: string;
                            employerId: number;
                            employerName: string;
                            expiresOn: string;
                            filled: number;
                            headcount: number;
                            id: number;
                            occupationCode: string;
                            occupationName: string | null;
                            regionCode: string;
                            regionName: string | null;
                            salaryMax: number;
                            salaryMin: number;
                            skills: string[];
                            status: string;
                            title: string;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        /** 修改或关闭岗位 Update or close a vacancy */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        /** @enum {string} */
                        education: "none" | "primary" | "junior" | "senior" | "vocational" | "junior_college" | "bachelor" | "master" | "doctor";
                        expiresOn: string;
                        headcount: number;
                        occupationCode: string;
                        regionCode?: string | null;
                        salaryMax: number;
                        salaryMin: number;
                        skills: string[];
                        /** @enum {string} */
                        status?: "open" | "closed";
                        title: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            description: string;
                            education: string;
                            employerId: number;
                            employerName: string;
                            expiresOn: string;
                            filled: number;
                            headcount: number;
                            id: number;
                            occupationCode: string;
                            occupationName: string | null;
                            regionCode: string;
                            regionName: string | null;
                            salaryMax: number;
                            salaryMin: number;
                            skills: string[];
                            status: string;
                            title: string;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/vacancies/{id}/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 为岗位匹配求职者（限数据权限内） Best seekers for a vacancy (within scope) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                availableFrom: string | null;
                                idNumberMasked: string;
                                improve: {
                                    en: string;
                                    factor: string;
                                    gain: number;
                                    zh: string;
                                }[];
                                name: string;
                                personId: number;
                                reasons: {
                                    en: string;
                                    factor: string;
                                    points: number;
                                    value: number;
                                    weight: number;
                                    zh: string;
                                }[];
                                regionCode: string;
                                regionName: string | null;
                                score: number;
                                seekerId: number;
                            }[];
                            scanned: number;
                            tiersUsed: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/warning-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 预警规则（含历史版本） Warning rules with their versions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** 发布规则新版本（可按地区设阈值） Publish a new rule version (thresholds per region) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        key: "unemployed_growth" | "layoff_reports" | "contribution_stops";
                        name?: string;
                        params: {
                            [key: string]: number;
                        };
                        /** @default {} */
                        regionParams?: {
                            [key: string]: {
                                [key: string]: number;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/warnings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 失业风险预警 Unemployment-risk warnings */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    regionCode?: string;
                    sort?: string;
                    status?: "open" | "acknowledged" | "closed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countedAt?: string;
                            items: {
                                asOf: string;
                                createdAt: string;
                                evidence: {
                                    figures: {
                                        [key: string]: number;
                                    };
                                    records: {
                                        details?: {
                                            [key: string]: string | number;
                                        };
                                        id: number;
                                        label: string;
                                        type: string;
                                    }[];
                                    summary: {
                                        en: string;
                                        zh: string;
                                    };
                                };
                                id: number;
                                /** @enum {string} */
                                level: "yellow" | "orange" | "red";
                                ownerId: number | null;
                                ownerName: string | null;
                                regionCode: string;
                                regionName: string | null;
                                ruleKey: string;
                                ruleVersion: number;
                                /** @enum {string} */
                                status: "open" | "acknowledged" | "closed";
                                updatedAt: string;
                                version: number;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalCapped?: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/warnings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 预警详情与跟进记录 Warning with evidence and follow-ups */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string;
                            createdAt: string;
                            evidence: {
                                figures: {
                                    [key: string]: number;
                                };
                                records: {
                                    details?: {
                                        [key: string]: string | number;
                                    };
                                    id: number;
                                    label: string;
                                    type: string;
                                }[];
                                summary: {
                                    en: string;
                                    zh: string;
                                };
                            };
                            followups: {
                                action: string;
                                actorName: string;
                                at: string;
                                id: number;
                                note: string;
                            }[];
                            id: number;
                            /** @enum {string} */
                            level: "yellow" | "orange" | "red";
                            ownerId: number | null;
                            ownerName: string | null;
                            regionCode: string;
                            regionName: string | null;
                            ruleKey: string;
                            ruleVersion: number;
                            /** @enum {string} */
                            status: "open" | "acknowledged" | "closed";
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/warnings/{id}/followups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 跟进预警（记录、认领、确认、关闭、重开） Follow up a warning */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "note" | "assign" | "acknowledge" | "close" | "reopen";
                        note: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string;
                            createdAt: string;
                            evidence: {
                                figures: {
                                    [key: string]: number;
                                };
                                records: {
                                    details?: {
                                        [key: string]: string | number;
                                    };
                                    id: number;
                                    label: string;
                                    type: string;
                                }[];
                                summary: {
                                    en: string;
                                    zh: string;
                                };
                            };
                            id: number;
                            /** @enum {string} */
                            level: "yellow" | "orange" | "red";
                            ownerId: number | null;
                            ownerName: string | null;
                            regionCode: string;
                            regionName: string | null;
                            ruleKey: string;
                            ruleVersion: number;
                            /** @enum {string} */
                            status: "open" | "acknowledged" | "closed";
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employment/warnings/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 立即评估本地区预警规则 Evaluate the warning rules now for a region in scope */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        regionCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: number;
                            updated: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上传导入文件 Upload a file (multipart: file, mode) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            duplicates: number;
                            errorCount: number;
                            filename: string;
                            finishedAt: string | null;
                            hasErrorsFile: boolean;
                            id: string;
                            inserted: number;
                            kind: string;
                            message: {
                                en: string;
                                zh: string;
                            } | null;
                            /** @enum {string} */
                            mode: "all" | "good-rows";
                            processed: number;
                            /** @enum {string} */
                            status: "queued" | "running" | "succeeded" | "failed";
                            total: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{kind}/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载导入模板 Download template */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的导入任务 My import jobs */
        get: {
            parameters: {
                query?: {
                    kind?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            duplicates: number;
                            errorCount: number;
                            filename: string;
                            finishedAt: string | null;
                            hasErrorsFile: boolean;
                            id: string;
                            inserted: number;
                            kind: string;
                            message: {
                                en: string;
                                zh: string;
                            } | null;
                            /** @enum {string} */
                            mode: "all" | "good-rows";
                            processed: number;
                            /** @enum {string} */
                            status: "queued" | "running" | "succeeded" | "failed";
                            total: number;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导入进度 Import progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            duplicates: number;
                            errorCount: number;
                            filename: string;
                            finishedAt: string | null;
                            hasErrorsFile: boolean;
                            id: string;
                            inserted: number;
                            kind: string;
                            message: {
                                en: string;
                                zh: string;
                            } | null;
                            /** @enum {string} */
                            mode: "all" | "good-rows";
                            processed: number;
                            /** @enum {string} */
                            status: "queued" | "running" | "succeeded" | "failed";
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/jobs/{id}/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载错误明细 Download the error workbook */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/kinds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 可导入的数据 Import kinds */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            columns: {
                                en: string;
                                key: string;
                                required: boolean;
                                zh: string;
                            }[];
                            en: string;
                            kind: string;
                            zh: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/arrears": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 欠费单位 Employers in arrears */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    regionCode?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/arrears/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 欠费通知 Arrears notices */
        get: {
            parameters: {
                query?: {
                    regionCode?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** 发出欠费通知 Issue an arrears notice */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        employerId: number;
                        feeMonth: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/authentication/due": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 待认证人员 Pensioners due for self-authentication */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    regionCode?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/benefits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 待遇核定列表 Benefit decisions */
        get: {
            parameters: {
                query?: {
                    kind?: "enterprise_pension" | "institution_pension" | "resident_pension" | "unemployment_benefit" | "work_injury_allowance" | "work_injury_lump_sum";
                    page?: number;
                    pageSize?: number;
                    personId?: number;
                    regionCode?: string;
                    sort?: string;
                    status?: "active" | "suspended" | "stopped" | "ended";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/benefits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 待遇核定详情 A decision with its payments */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/benefits/payment-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 按月发放 Run the monthly payments (idempotent) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        month: string;
                        paidOn: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/benefits/pension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 养老金核定 Decide a basic pension (dryRun: explain only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        dryRun?: boolean;
                        /** @enum {string} */
                        group?: "male" | "female_cadre" | "female_worker";
                        /** @enum {string} */
                        kind: "enterprise_pension" | "institution_pension" | "resident_pension";
                        personId: number;
                        startMonth: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/benefits/unemployment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 失业保险金核定 Decide unemployment benefit (needs an open unemployment registration) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        dryRun?: boolean;
                        personId: number;
                        /** @enum {string} */
                        separationReason: "dismissed" | "contract_expired" | "employer_closed" | "other_involuntary" | "resigned";
                        startMonth: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/benefits/work-injury": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 工伤待遇核定 Decide work-injury benefits */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        dryRun?: boolean;
                        grade: number;
                        injuryDate: string;
                        ownWageFen?: number;
                        personId: number;
                        startMonth: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 社保代码表 Insurance code lists */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/coverage/gaps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 未参保人员（扩面） Working-age people with no enrolment */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    page?: number;
                    pageSize?: number;
                    regionCode?: string;
                    sort?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/coverage/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 参保覆盖情况（按地区） Coverage by region */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    regionCode?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/declarations/{jobId}/problems": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 申报退回明细 Problems of a refused declaration (xlsx) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    jobId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/employers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 参保单位 Registered employers */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    regionCode?: string;
                    sort?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/employers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单位参保情况 Employer insurance view (staff, declarations, arrears) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/employers/{id}/declarations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单位某月申报明细 Who an employer declared for a fee month (default: the latest) */
        get: {
            parameters: {
                query?: {
                    feeMonth?: string;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/employers/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 单位缴费到账 Record an employer payment for a fee month */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        feeMonth: string;
                        paidOn: string;
                        paymentRef: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/employers/{id}/registration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 单位参保登记 Register an employer for insurance */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        registeredOn: string;
                        types: ("enterprise_pension" | "institution_pension" | "resident_pension" | "unemployment" | "work_injury")[];
                        workInjuryClass?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/employers/{id}/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 增员 Add staff (enrol with the employer) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        idNumber?: string;
                        name?: string;
                        personId?: number;
                        startDate: string;
                        types?: ("enterprise_pension" | "institution_pension" | "resident_pension" | "unemployment" | "work_injury")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            employerId: number | null;
                            employerName: string | null;
                            endDate: string | null;
                            id: number;
                            idNumberMasked: string | null;
                            /** @enum {string} */
                            insuranceType: "enterprise_pension" | "institution_pension" | "resident_pension" | "unemployment" | "work_injury";
                            insuranceTypeName: string;
                            personId: number;
                            personName: string | null;
                            regionCode: string;
                            regionName: string | null;
                            startDate: string;
                            /** @enum {string} */
                            status: "paying" | "suspended" | "terminated";
                            version: number;
                            /** @enum {string} */
                            workerForm: "employee" | "flexible" | "new_form" | "resident";
                        }[];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/employers/{id}/staff/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 减员 Remove staff (end their enrolments) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        endDate: string;
                        personId: number;
                        reason?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            employerId: number | null;
                            employerName: string | null;
                            endDate: string | null;
                            id: number;
                            idNumberMasked: string | null;
                            /** @enum {string} */
                            insuranceType: "enterprise_pension" | "institution_pension" | "resident_pension" | "unemployment" | "work_injury";
                            insuranceTypeName: string;
                            personId: number;
                            personName: string | null;
                            regionCode: string;
                            regionName: string | null;
                            startDate: string;
                            /** @enum {string} */
                            status: "paying" | "suspended" | "terminated";
                            version: number;
                            /** @enum {string} */
                            workerForm: "employee" | "flexible" | "new_form" | "resident";
                        }[];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/enrolments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 参保登记列表 List enrolments */
        get: {
            parameters: {
                query?: {
                    employerId?: number;
                    insuranceType?: "enterprise_pension" | "institution_pension" | "resident_pension" | "unemployment" | "work_injury";
                    page?: number;
                    pageSize?: number;
                    personId?: number;
                    regionCode?: string;
                    sort?: string;
                    status?: "paying" | "suspended" | "terminated";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countedAt?: string;
                            items: {
                                employerId: number | null;
                                employerName: string | null;
                                endDate: string | null;
                                id: number;
                                idNumberMasked: string | null;
                                /** @enum {string} */
                                insuranceType: "enterprise_pension" | "institution_pension" | "resident_pension" | "unemployment" | "work_injury";
                                insuranceTypeName: string;
                                personId: number;
                                personName: string | null;
                                regionCode: string;
                                regionName: string | null;
                                startDate: string;
                                /** @enum {string} */
                                status: "paying" | "suspended" | "terminated";
                                version: number;
                                /** @enum {string} */
                                workerForm: "employee" | "flexible" | "new_form" | "resident";
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalCapped?: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 参保登记 Enrol a person (with an employer or as an individual) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        employerId?: number | null;
                        idNumber?: string;
                        /** @enum {string} */
                        insuranceType: "enterprise_pension" | "institution_pension" | "resident_pension" | "unemployment" | "work_injury";
                        name?: string;
                        personId?: number;
                        startDate: string;
                        /** @enum {string} */
                        workerForm?: "employee" | "flexible" | "new_form" | "resident";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            employerId: number | null;
                            employerName: string | null;
                            endDate: string | null;
                            id: number;
                            idNumberMasked: string | null;
                            /** @enum {string} */
                            insuranceType: "enterprise_pension" | "institution_pension" | "resident_pension" | "unemployment" | "work_injury";
                            insuranceTypeName: string;
                            personId: number;
                            personName: string | null;
                            regionCode: string;
                            regionName: string | null;
                            startDate: string;
                            /** @enum {string} */
                            status: "paying" | "suspended" | "terminated";
                            version: number;
                            /** @enum {string} */
                            workerForm: "employee" | "flexible" | "new_form" | "resident";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/enrolments/{id}/contributions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 个人缴费核定与到账 Individual contribution (flexible workers, residents) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        baseFen?: number;
                        feeMonth: string;
                        levelFen?: number;
                        paidOn?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/enrolments/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 参保变更历史 Enrolment history */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/enrolments/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 暂停、恢复或终止参保 Suspend, resume or terminate an enrolment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "suspend" | "resume" | "terminate";
                        date: string;
                        reason?: string | null;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            employerId: number | null;
                            employerName: string | null;
                            endDate: string | null;
                            id: number;
                            idNumberMasked: string | null;
                            /** @enum {string} */
                            insuranceType: "enterprise_pension" | "institution_pension" | "resident_pension" | "unemployment" | "work_injury";
                            insuranceTypeName: string;
                            personId: number;
                            personName: string | null;
                            regionCode: string;
                            regionName: string | null;
                            startDate: string;
                            /** @enum {string} */
                            status: "paying" | "suspended" | "terminated";
                            version: number;
                            /** @enum {string} */
                            workerForm: "employee" | "flexible" | "new_form" | "resident";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/ledger/{id}/correct": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 更正申报基数 Correct a declared base (reversal + new declaration) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        baseFen: number;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/ledger/{id}/reverse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 冲销 Reverse a ledger entry */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountFen: number;
                            baseFen: number;
                            employerFen: number;
                            employerId: number | null;
                            employerRateBp: number;
                            event: string;
                            feeMonth: string;
                            id: number;
                            /** @enum {string} */
                            insuranceType: "enterprise_pension" | "institution_pension" | "resident_pension" | "unemployment" | "work_injury";
                            note: string | null;
                            periodMonths: number;
                            personalFen: number;
                            personalRateBp: number;
                            personId: number;
                            recordedAt: string;
                            reversesId: number | null;
                            revision: number;
                            side: string;
                            source: string;
                            subsidyFen: number;
                            valueDate: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/life-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 停发事件（含报告时效） Stop events with their reporting delay */
        get: {
            parameters: {
                query?: {
                    kind?: "death" | "imprisonment" | "release";
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    regionCode?: string;
                    sort?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** 录入死亡、服刑、释放信息 Record a stop event (stops benefits, opens recovery) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "death" | "imprisonment" | "release";
                        knownOn?: string;
                        occurredOn: string;
                        personId: number;
                        /** @enum {string} */
                        source: "police" | "civil_affairs" | "justice" | "health" | "medical_insurance" | "transport" | "education" | "national_platform" | "manual";
                        sourceRef: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/life-events/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出停发事件（脱敏） Export stop events (masked) */
        get: {
            parameters: {
                query?: {
                    kind?: "death" | "imprisonment" | "release";
                    q?: string;
                    regionCode?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/parameters/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 年度参数 Parameters of a year */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** 保存年度参数新版本 Save a new parameter version */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string | null;
                        params: {
                            arrearsNoticeWorkingDays?: number;
                            authentication?: {
                                halfLifeDays: {
                                    [key: string]: number;
                                };
                                maxAgeDays: number;
                                threshold: number;
                                weights: {
                                    [key: string]: number;
                                };
                            };
                            avgMonthlyWageFen?: number;
                            baseCeilPct?: number;
                            baseFloorPct?: number;
                            coverageDenominator?: {
                                minAge: number;
                                /** @enum {string} */
                                version: "registry-16plus@1" | "registry-16plus-students-elsewhere@2";
                            };
                            lateFeeDailyRate?: number;
                            massStop?: {
                                minShare: number;
                                minStopped: number;
                            };
                            minMonthlyWageFen?: number;
                            paymentDueDay?: number;
                            pensionMinMonths?: number;
                            rates?: {
                                enterprise_pension: {
                                    employer: number;
                                    personal: number;
                                };
                                flexible_pension: {
                                    account: number;
                                    total: number;
                                };
                                institution_pension: {
                                    employer: number;
                                    personal: number;
                                };
                                unemployment: {
                                    employer: number;
                                    personal: number;
                                };
                                work_injury_classes: number[];
                            };
                            residentBasicPensionFen?: number;
                            residentLevels?: {
                                levelFen: number;
                                subsidyFen: number;
                            }[];
                            stopEventReportWorkingDays?: number;
                            transfer?: {
                                fromYear: number;
                                legWorkingDays: number;
                                pooledPct: number;
                            };
                            unemploymentBenefitPct?: number;
                            workingAge?: {
                                from: number;
                                to: number;
                            };
                            workInjuryAllowancePct?: number[];
                            workInjuryLumpSumMonths?: number[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/persons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 个人参保记录 A person’s insurance record */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enrolments: {
                                employerId: number | null;
                                employerName: string | null;
                                endDate: string | null;
                                id: number;
                                idNumberMasked: string | null;
                                /** @enum {string} */
                                insuranceType: "enterprise_pension" | "institution_pension" | "resident_pension" | "unemployment" | "work_injury";
                                insuranceTypeName: string;
                                personId: number;
                                personName: string | null;
                                regionCode: string;
                                regionName: string | null;
                                startDate: string;
                                /** @enum {string} */
                                status: "paying" | "suspended" | "terminated";
                                version: number;
                                /** @enum {string} */
                                workerForm: "employee" | "flexible" | "new_form" | "resident";
                            }[];
                            person: {
                                birthDate: string;
                                gender: string;
                                id: number;
                                idNumberMasked: string;
                                name: string;
                                regionCode: string;
                                regionName: string | null;
                            };
                            summary: {
                                accountFen: number;
                                arrearsFen: number;
                                arrearsMonths: number;
                                contributionMonths: number;
                                dueFen: number;
                                firstMonth: string | null;
                                /** @enum {string} */
                                insuranceType: "enterprise_pension" | "institution_pension" | "resident_pension" | "unemployment" | "work_injury";
                                lastPaidMonth: string | null;
                                paidFen: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/persons/{id}/authentication": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 认证证据与得分 Evidence score of a pensioner */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/persons/{id}/benefits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 个人待遇、停发事件与追回 A person’s benefits, stop events and recoveries */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/persons/{id}/certificate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 参保缴费凭证（Word） Contribution certificate (.docx) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/persons/{id}/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 个人缴费台账 A person’s ledger by month */
        get: {
            parameters: {
                query?: {
                    feeMonth?: string;
                    insuranceType?: "enterprise_pension" | "institution_pension" | "resident_pension" | "unemployment" | "work_injury";
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: {
                                accountFen: number;
                                baseFen: number;
                                employerFen: number;
                                employerId: number | null;
                                employerRateBp: number;
                                event: string;
                                feeMonth: string;
                                id: number;
                                /** @enum {string} */
                                insuranceType: "enterprise_pension" | "institution_pension" | "resident_pension" | "unemployment" | "work_injury";
                                note: string | null;
                                periodMonths: number;
                                personalFen: number;
                                personalRateBp: number;
                                personId: number;
                                recordedAt: string;
                                reversesId: number | null;
                                revision: number;
                                side: string;
                                source: string;
                                subsidyFen: number;
                                valueDate: string;
                            }[];
                            months: {
                                accountFen: number;
                                baseFen: number;
                                dueFen: number;
                                entries: number;
                                feeMonth: string;
                                /** @enum {string} */
                                insuranceType: "enterprise_pension" | "institution_pension" | "resident_pension" | "unemployment" | "work_injury";
                                paidFen: number;
                                periodMonths: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/persons/{id}/self-auth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 记录本人认证 Record a self-authentication */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        on: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/recoveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 待遇追回案件 Overpayment recovery cases */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    regionCode?: string;
                    sort?: string;
                    status?: "open" | "recovered" | "written_off";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/recoveries/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 追回办结 Close a recovery case */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string | null;
                        recoveredFen: number;
                        /** @enum {string} */
                        status: "recovered" | "written_off";
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/recoveries/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出待遇追回案件（脱敏） Export recovery cases (masked) */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    regionCode?: string;
                    status?: "open" | "recovered" | "written_off";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/status-periods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 在校学生与外省参保期间 Study and other-province insurance periods */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    kind?: "student" | "insured_elsewhere";
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    regionCode?: string;
                    sort?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countedAt?: string;
                            items: {
                                endsOn: string | null;
                                id: number;
                                idNumberMasked: string;
                                /** @enum {string} */
                                kind: "student" | "insured_elsewhere";
                                kindName: string;
                                knownOn: string;
                                personId: number;
                                personName: string;
                                place: string | null;
                                recordedAt: string;
                                regionCode: string;
                                regionName: string | null;
                                source: string;
                                sourceRef: string;
                                startsOn: string;
                                supersedesId: number | null;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalCapped?: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/status-periods/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出在校学生与外省参保期间（脱敏） Export the periods (masked) */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    kind?: "student" | "insured_elsewhere";
                    q?: string;
                    regionCode?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/supervision/hits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 监督线索 Supervision hits */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    regionCode?: string;
                    ruleKey?: "paid_after_death" | "paid_while_imprisoned" | "exclusive_pensions" | "benefits_two_regions" | "base_out_of_band" | "employer_mass_stop";
                    sort?: string;
                    status?: "open" | "confirmed" | "dismissed" | "closed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/supervision/hits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 线索详情与证据 A hit with its evidence */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/supervision/hits/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 核实处理线索 Confirm, dismiss or close a hit */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        resolution: string;
                        /** @enum {string} */
                        status: "confirmed" | "dismissed" | "closed";
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/supervision/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 基金监督规则 Supervision rules */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/supervision/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 立即运行规则 Run rules now (province-wide, system work) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        asOf?: string;
                        rules: ("paid_after_death" | "paid_while_imprisoned" | "exclusive_pensions" | "benefits_two_regions" | "base_out_of_band" | "employer_mass_stop")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 转移接续 Transfers (overdue=true: a leg of ours is late) */
        get: {
            parameters: {
                query?: {
                    overdue?: "true" | "false";
                    personId?: number;
                    regionCode?: string;
                    status?: "certificate_issued" | "applied" | "letter_sent" | "sheet_sent" | "completed" | "rejected" | "cancelled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** 发起转移接续 Start a transfer (out: certificate issued; in: application received) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        direction: "in" | "out";
                        /** @enum {string} */
                        insuranceType: "enterprise_pension" | "institution_pension";
                        note?: string | null;
                        on: string;
                        otherRegion: string;
                        personId: number;
                        regionCode?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/transfers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 转移接续详情（含各环节时限） A transfer with its leg clocks */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/transfers/{id}/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 推进转移接续 Move a transfer to its next state */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        declaredAmountFen?: number;
                        note?: string | null;
                        on: string;
                        sheetAccountFen?: number;
                        sheetYearlyWages?: {
                            wageFen: number;
                            year: number;
                        }[];
                        /** @enum {string} */
                        to: "certificate_issued" | "applied" | "letter_sent" | "sheet_sent" | "completed" | "rejected" | "cancelled";
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 规划列表 Plans */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            baseYear: number;
                            derivedFrom: string | null;
                            groups: {
                                indicators: number;
                                key: string;
                                name: string;
                                nameEn: string | null;
                                /** @enum {string} */
                                section: "table" | "text";
                            }[];
                            id: string;
                            indicators: number;
                            period: {
                                end: number;
                                start: number;
                            };
                            /** @enum {string} */
                            phase: "upcoming" | "active" | "finished";
                            regionCode: string;
                            /** @enum {string} */
                            status: "draft" | "active";
                            title: string;
                            titleEn: string | null;
                            updatedAt: string;
                            version: number;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 规划详情（分组与指标） Plan detail */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    planId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            baseYear: number;
                            derivedFrom: string | null;
                            groups: {
                                indicators: number;
                                key: string;
                                name: string;
                                nameEn: string | null;
                                /** @enum {string} */
                                section: "table" | "text";
                            }[];
                            id: string;
                            indicators: number;
                            period: {
                                end: number;
                                start: number;
                            };
                            /** @enum {string} */
                            phase: "upcoming" | "active" | "finished";
                            plan: {
                                [key: string]: unknown;
                            };
                            regionCode: string;
                            /** @enum {string} */
                            status: "draft" | "active";
                            title: string;
                            titleEn: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/evaluation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 规划评估（按地区、年度） Evaluate a plan */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    refresh?: "true" | "false";
                    regionCode?: string;
                    year?: number;
                };
                header?: never;
                path: {
                    planId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/final": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 总结评估：各指标是否完成 Final evaluation */
        get: {
            parameters: {
                query?: {
                    regionCode?: string;
                };
                header?: never;
                path: {
                    planId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/indicators/{code}/milestones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 年度节点：推算值与调整 Annual milestones, derived and overridden */
        get: {
            parameters: {
                query?: {
                    regionCode?: string;
                };
                header?: never;
                path: {
                    code: string;
                    planId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/indicators/{code}/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 指标下钻：明细记录 Drill down to records */
        get: {
            parameters: {
                query: {
                    page?: number;
                    pageSize?: number;
                    regionCode: string;
                    year: number;
                };
                header?: never;
                path: {
                    code: string;
                    planId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/indicators/{code}/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 指标下钻：下级地区 Drill down to regions */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    refresh?: "true" | "false";
                    regionCode?: string;
                    year?: number;
                };
                header?: never;
                path: {
                    code: string;
                    planId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/milestones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 年度节点调整 Milestone overrides */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    planId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            indicatorCode: string;
                            reason: string;
                            regionCode: string;
                            setAt: string;
                            setByName: string;
                            value: number;
                            year: number;
                        }[];
                    };
                };
            };
        };
        /** 调整年度节点 Override a milestone */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    planId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        indicatorCode: string;
                        reason: string;
                        regionCode: string;
                        value: number;
                        year: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            indicatorCode: string;
                            reason: string;
                            regionCode: string;
                            setAt: string;
                            setByName: string;
                            value: number;
                            year: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/milestones/{code}/{regionCode}/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 恢复推算的年度节点 Remove a milestone override */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                    planId: string;
                    regionCode: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/next": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 以本规划为基础新建下一期规划 New plan from this one */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    planId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            baseYear: number;
                            derivedFrom: string | null;
                            groups: {
                                indicators: number;
                                key: string;
                                name: string;
                                nameEn: string | null;
                                /** @enum {string} */
                                section: "table" | "text";
                            }[];
                            id: string;
                            indicators: number;
                            period: {
                                end: number;
                                start: number;
                            };
                            /** @enum {string} */
                            phase: "upcoming" | "active" | "finished";
                            regionCode: string;
                            /** @enum {string} */
                            status: "draft" | "active";
                            title: string;
                            titleEn: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/snapshots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 已发布的评估 Published snapshots */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    planId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** 发布年度通报、中期或总结评估 Publish an evaluation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    planId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "annual" | "midterm" | "final";
                        regionCode?: string;
                        year?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/snapshots/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 已发布的评估 A published snapshot */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    planId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/snapshots/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 发布后数据的变化 Changes since publication */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    planId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/snapshots/{id}/diff/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出发布后的变化 Export the changes since publication (.xlsx) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    planId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/snapshots/{id}/docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 评估报告（.docx） Report as .docx */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    planId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/source": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 规划文件及版本（供在线编辑） The plan file and its version, for editing */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    planId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            version: number;
                            yaml: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/table": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 规划指标表（按印刷格式，附各年度数据） Plan table */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    includeText?: "true" | "false";
                    refresh?: "true" | "false";
                    regionCode?: string;
                    year?: number;
                };
                header?: never;
                path: {
                    planId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/table/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出规划指标表 Export the plan table (.xlsx) */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    includeText?: "true" | "false";
                    refresh?: "true" | "false";
                    regionCode?: string;
                    year?: number;
                };
                header?: never;
                path: {
                    planId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 目标分解 Region targets */
        get: {
            parameters: {
                query?: {
                    indicatorCode?: string;
                    regionCode?: string;
                };
                header?: never;
                path: {
                    planId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            baselineValue: number | null;
                            indicatorCode: string;
                            max: number | null;
                            min: number | null;
                            note: string | null;
                            regionCode: string;
                            regionName: string | null;
                            setAt: string;
                            setByName: string;
                            value: number | null;
                        }[];
                    };
                };
            };
        };
        /** 设置地区目标 Set a region target */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    planId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        baselineValue?: number | null;
                        indicatorCode: string;
                        max?: number | null;
                        min?: number | null;
                        note?: string | null;
                        regionCode: string;
                        value?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            target: {
                                baselineValue: number | null;
                                indicatorCode: string;
                                max: number | null;
                                min: number | null;
                                note: string | null;
                                regionCode: string;
                                regionName: string | null;
                                setAt: string;
                                setByName: string;
                                value: number | null;
                            };
                            warnings: {
                                en: string;
                                zh: string;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/targets/{code}/{regionCode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除地区目标 Remove a region target */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                    planId: string;
                    regionCode: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/targets/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 目标分解一致性检查 Do the region targets add up? */
        get: {
            parameters: {
                query?: {
                    indicatorCode?: string;
                };
                header?: never;
                path: {
                    planId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            children: string[];
                            comparator: string;
                            consistent: boolean;
                            en: string;
                            indicatorCode: string;
                            of: number;
                            parentCode: string;
                            parentName: string | null;
                            parentTarget: number;
                            sum: number;
                            zh: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/targets/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出目标分解 Export the region targets (.xlsx) */
        get: {
            parameters: {
                query?: {
                    indicatorCode?: string;
                    regionCode?: string;
                };
                header?: never;
                path: {
                    planId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/values": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 填报数据列表 Reported values */
        get: {
            parameters: {
                query?: {
                    indicatorCode?: string;
                    regionCode?: string;
                    status?: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                    year?: number;
                };
                header?: never;
                path: {
                    planId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: ("edit" | "submit" | "review" | "approve" | "return" | "correct")[];
                            approved: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            } | null;
                            id: number;
                            indicatorCode: string;
                            indicatorName: string;
                            open: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            } | null;
                            planId: string;
                            regionCode: string;
                            regionName: string | null;
                            revisions?: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            }[];
                            /** @enum {string} */
                            status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                            unit: string;
                            version: number;
                            year: number;
                        }[];
                    };
                };
            };
        };
        /** 保存填报数据（草稿） Save values as drafts */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    planId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        regionCode: string;
                        values: {
                            indicatorCode: string;
                            note?: string | null;
                            unit?: string | null;
                            value: number | string;
                        }[];
                        year: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: ("edit" | "submit" | "review" | "approve" | "return" | "correct")[];
                            approved: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            } | null;
                            id: number;
                            indicatorCode: string;
                            indicatorName: string;
                            open: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            } | null;
                            planId: string;
                            regionCode: string;
                            regionName: string | null;
                            revisions?: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            }[];
                            /** @enum {string} */
                            status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                            unit: string;
                            version: number;
                            year: number;
                        }[];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/values/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 填报数据详情与修订记录 Value with its revisions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    planId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: ("edit" | "submit" | "review" | "approve" | "return" | "correct")[];
                            approved: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            } | null;
                            id: number;
                            indicatorCode: string;
                            indicatorName: string;
                            open: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            } | null;
                            planId: string;
                            regionCode: string;
                            regionName: string | null;
                            revisions?: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            }[];
                            /** @enum {string} */
                            status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                            unit: string;
                            version: number;
                            year: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/values/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 审定 Approve (province) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    planId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: ("edit" | "submit" | "review" | "approve" | "return" | "correct")[];
                            approved: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            } | null;
                            id: number;
                            indicatorCode: string;
                            indicatorName: string;
                            open: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            } | null;
                            planId: string;
                            regionCode: string;
                            regionName: string | null;
                            revisions?: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            }[];
                            /** @enum {string} */
                            status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                            unit: string;
                            version: number;
                            year: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/values/{id}/correct": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 更正已审定数据（生成新修订） Correct an approved value */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    planId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        unit?: string;
                        value: number | string;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: ("edit" | "submit" | "review" | "approve" | "return" | "correct")[];
                            approved: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            } | null;
                            id: number;
                            indicatorCode: string;
                            indicatorName: string;
                            open: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            } | null;
                            planId: string;
                            regionCode: string;
                            regionName: string | null;
                            revisions?: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            }[];
                            /** @enum {string} */
                            status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                            unit: string;
                            version: number;
                            year: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/values/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退回（须说明原因） Send back with a reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    planId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: ("edit" | "submit" | "review" | "approve" | "return" | "correct")[];
                            approved: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            } | null;
                            id: number;
                            indicatorCode: string;
                            indicatorName: string;
                            open: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            } | null;
                            planId: string;
                            regionCode: string;
                            regionName: string | null;
                            revisions?: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            }[];
                            /** @enum {string} */
                            status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                            unit: string;
                            version: number;
                            year: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/values/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 审核通过 Review (city) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    planId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: ("edit" | "submit" | "review" | "approve" | "return" | "correct")[];
                            approved: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            } | null;
                            id: number;
                            indicatorCode: string;
                            indicatorName: string;
                            open: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            } | null;
                            planId: string;
                            regionCode: string;
                            regionName: string | null;
                            revisions?: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            }[];
                            /** @enum {string} */
                            status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                            unit: string;
                            version: number;
                            year: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/values/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 报送 Submit (county) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    planId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: ("edit" | "submit" | "review" | "approve" | "return" | "correct")[];
                            approved: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            } | null;
                            id: number;
                            indicatorCode: string;
                            indicatorName: string;
                            open: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            } | null;
                            planId: string;
                            regionCode: string;
                            regionName: string | null;
                            revisions?: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            }[];
                            /** @enum {string} */
                            status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                            unit: string;
                            version: number;
                            year: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/values/form": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 填报表（按规划表样式） Entry form */
        get: {
            parameters: {
                query: {
                    regionCode: string;
                    year: number;
                };
                header?: never;
                path: {
                    planId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            planId: string;
                            regionCode: string;
                            regionName: string | null;
                            rows: {
                                code: string;
                                groupKey: string;
                                groupName: string;
                                name: string;
                                row: number | null;
                                target: string;
                                unit: string;
                                unitPrinted: string;
                                value: {
                                    actions: ("edit" | "submit" | "review" | "approve" | "return" | "correct")[];
                                    approved: {
                                        approvedAt: string | null;
                                        approvedBy: string | null;
                                        createdAt: string;
                                        createdByName: string;
                                        id: number;
                                        note: string | null;
                                        reason: string | null;
                                        returnedAt: string | null;
                                        returnedBy: string | null;
                                        returnReason: string | null;
                                        reviewedAt: string | null;
                                        reviewedBy: string | null;
                                        revision: number;
                                        /** @enum {string} */
                                        status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                        statusName: {
                                            en: string;
                                            zh: string;
                                        };
                                        submittedAt: string | null;
                                        submittedBy: string | null;
                                        trail: {
                                            /** @enum {string} */
                                            action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                            actorId: number | null;
                                            actorName: string;
                                            at: string;
                                            from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                            reason?: string;
                                            /** @enum {string} */
                                            to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                            value?: number;
                                        }[];
                                        value: number;
                                    } | null;
                                    id: number;
                                    indicatorCode: string;
                                    indicatorName: string;
                                    open: {
                                        approvedAt: string | null;
                                        approvedBy: string | null;
                                        createdAt: string;
                                        createdByName: string;
                                        id: number;
                                        note: string | null;
                                        reason: string | null;
                                        returnedAt: string | null;
                                        returnedBy: string | null;
                                        returnReason: string | null;
                                        reviewedAt: string | null;
                                        reviewedBy: string | null;
                                        revision: number;
                                        /** @enum {string} */
                                        status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                        statusName: {
                                            en: string;
                                            zh: string;
                                        };
                                        submittedAt: string | null;
                                        submittedBy: string | null;
                                        trail: {
                                            /** @enum {string} */
                                            action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                            actorId: number | null;
                                            actorName: string;
                                            at: string;
                                            from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                            reason?: string;
                                            /** @enum {string} */
                                            to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                            value?: number;
                                        }[];
                                        value: number;
                                    } | null;
                                    planId: string;
                                    regionCode: string;
                                    regionName: string | null;
                                    revisions?: {
                                        approvedAt: string | null;
                                        approvedBy: string | null;
                                        createdAt: string;
                                        createdByName: string;
                                        id: number;
                                        note: string | null;
                                        reason: string | null;
                                        returnedAt: string | null;
                                        returnedBy: string | null;
                                        returnReason: string | null;
                                        reviewedAt: string | null;
                                        reviewedBy: string | null;
                                        revision: number;
                                        /** @enum {string} */
                                        status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                        statusName: {
                                            en: string;
                                            zh: string;
                                        };
                                        submittedAt: string | null;
                                        submittedBy: string | null;
                                        trail: {
                                            /** @enum {string} */
                                            action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                            actorId: number | null;
                                            actorName: string;
                                            at: string;
                                            from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                            reason?: string;
                                            /** @enum {string} */
                                            to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                            value?: number;
                                        }[];
                                        value: number;
                                    }[];
                                    /** @enum {string} */
                                    status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    unit: string;
                                    version: number;
                                    year: number;
                                } | null;
                            }[];
                            year: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/values/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 报送一个地区一年的全部草稿 Submit all drafts of a region and year */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    planId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        regionCode: string;
                        year: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            submitted: number[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{planId}/yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 规划文件（YAML） Plan file */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    planId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入或修改规划（YAML） Create or edit a plan from YAML */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        replace?: boolean;
                        version?: number;
                        yaml: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            baseYear: number;
                            derivedFrom: string | null;
                            groups: {
                                indicators: number;
                                key: string;
                                name: string;
                                nameEn: string | null;
                                /** @enum {string} */
                                section: "table" | "text";
                            }[];
                            id: string;
                            indicators: number;
                            period: {
                                end: number;
                                start: number;
                            };
                            /** @enum {string} */
                            phase: "upcoming" | "active" | "finished";
                            regionCode: string;
                            /** @enum {string} */
                            status: "draft" | "active";
                            title: string;
                            titleEn: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            baseYear: number;
                            derivedFrom: string | null;
                            groups: {
                                indicators: number;
                                key: string;
                                name: string;
                                nameEn: string | null;
                                /** @enum {string} */
                                section: "table" | "text";
                            }[];
                            id: string;
                            indicators: number;
                            period: {
                                end: number;
                                start: number;
                            };
                            /** @enum {string} */
                            phase: "upcoming" | "active" | "finished";
                            regionCode: string;
                            /** @enum {string} */
                            status: "draft" | "active";
                            title: string;
                            titleEn: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/import/xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 按印刷表样从 Excel 导入或修改规划 Create or edit a plan from its printed table (.xlsx, multipart: file, id, replace, version) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            baseYear: number;
                            derivedFrom: string | null;
                            groups: {
                                indicators: number;
                                key: string;
                                name: string;
                                nameEn: string | null;
                                /** @enum {string} */
                                section: "table" | "text";
                            }[];
                            id: string;
                            indicators: number;
                            period: {
                                end: number;
                                start: number;
                            };
                            /** @enum {string} */
                            phase: "upcoming" | "active" | "finished";
                            regionCode: string;
                            /** @enum {string} */
                            status: "draft" | "active";
                            title: string;
                            titleEn: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            baseYear: number;
                            derivedFrom: string | null;
                            groups: {
                                indicators: number;
                                key: string;
                                name: string;
                                nameEn: string | null;
                                /** @enum {string} */
                                section: "table" | "text";
                            }[];
                            id: string;
                            indicators: number;
                            period: {
                                end: number;
                                start: number;
                            };
                            /** @enum {string} */
                            phase: "upcoming" | "active" | "finished";
                            regionCode: string;
                            /** @enum {string} */
                            status: "draft" | "active";
                            title: string;
                            titleEn: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 待办：待审核、待审定、被退回 Approval inbox */
        get: {
            parameters: {
                query?: {
                    planId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: ("edit" | "submit" | "review" | "approve" | "return" | "correct")[];
                            approved: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            } | null;
                            id: number;
                            indicatorCode: string;
                            indicatorName: string;
                            open: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            } | null;
                            planId: string;
                            regionCode: string;
                            regionName: string | null;
                            revisions?: {
                                approvedAt: string | null;
                                approvedBy: string | null;
                                createdAt: string;
                                createdByName: string;
                                id: number;
                                note: string | null;
                                reason: string | null;
                                returnedAt: string | null;
                                returnedBy: string | null;
                                returnReason: string | null;
                                reviewedAt: string | null;
                                reviewedBy: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                statusName: {
                                    en: string;
                                    zh: string;
                                };
                                submittedAt: string | null;
                                submittedBy: string | null;
                                trail: {
                                    /** @enum {string} */
                                    action: "create" | "edit" | "submit" | "review" | "approve" | "return" | "supersede" | "import";
                                    actorId: number | null;
                                    actorName: string;
                                    at: string;
                                    from: ("draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded") | null;
                                    reason?: string;
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                                    value?: number;
                                }[];
                                value: number;
                            }[];
                            /** @enum {string} */
                            status: "draft" | "submitted" | "reviewed" | "returned" | "approved" | "superseded";
                            unit: string;
                            version: number;
                            year: number;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/measures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 已接入的统计口径 Registered measures */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            definition: {
                                en: string;
                                zh: string;
                            };
                            hasRecords: boolean;
                            key: string;
                            /** @enum {string} */
                            kind: "count" | "ratio";
                            name: {
                                en: string;
                                zh: string;
                            };
                            /** @enum {string} */
                            time: "flow" | "stock";
                            unit: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/auth/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 激活个人/单位网上账户（或重设密码） Activate a portal account (or reset its password) with a code from a service window */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        identifier: string;
                        /** @enum {string} */
                        kind: "person" | "employer";
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            me: {
                                displayName: string;
                                id: number;
                                /** @enum {string} */
                                kind: "staff" | "person" | "employer";
                                mfaEnabled: boolean;
                                mfaRequired: boolean;
                                mustChangePassword: boolean;
                                orgId: number;
                                orgName: string;
                                passwordExpired: boolean;
                                permissions: string[];
                                regionCode: string;
                                regionName: string | null;
                                roles: {
                                    key: string;
                                    name: string;
                                }[];
                                scope: {
                                    kind: string;
                                    regionCodes: string[];
                                };
                                subjectId: number | null;
                                username: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 个人/单位网上账户登录 Portal sign-in by resident ID or unified social credit code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        identifier: string;
                        /** @enum {string} */
                        kind: "person" | "employer";
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            me: {
                                displayName: string;
                                id: number;
                                /** @enum {string} */
                                kind: "staff" | "person" | "employer";
                                mfaEnabled: boolean;
                                mfaRequired: boolean;
                                mustChangePassword: boolean;
                                orgId: number;
                                orgName: string;
                                passwordExpired: boolean;
                                permissions: string[];
                                regionCode: string;
                                regionName: string | null;
                                roles: {
                                    key: string;
                                    name: string;
                                }[];
                                scope: {
                                    kind: string;
                                    regionCodes: string[];
                                };
                                subjectId: number | null;
                                username: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/employment/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 可选工作地点（现行行政区划） Places to choose as a workplace */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            level: string;
                            name: string;
                            parentCode: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/insurance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的社保：参保、缴费汇总、待遇与认证 My insurance record */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            authentication: {
                                asOf: string;
                                due: boolean;
                                score: number;
                                threshold: number;
                            } | null;
                            benefits: {
                                endMonth: string | null;
                                id: number;
                                kind: string;
                                kindName: string;
                                monthlyFen: number;
                                payments: {
                                    amountFen: number;
                                    paidOn: string | null;
                                    payMonth: string;
                                }[];
                                startMonth: string;
                                status: string;
                            }[];
                            enrolments: {
                                employerId: number | null;
                                employerName: string | null;
                                endDate: string | null;
                                id: number;
                                idNumberMasked: string | null;
                                /** @enum {string} */
                                insuranceType: "enterprise_pension" | "institution_pension" | "resident_pension" | "unemployment" | "work_injury";
                                insuranceTypeName: string;
                                personId: number;
                                personName: string | null;
                                regionCode: string;
                                regionName: string | null;
                                startDate: string;
                                /** @enum {string} */
                                status: "paying" | "suspended" | "terminated";
                                version: number;
                                /** @enum {string} */
                                workerForm: "employee" | "flexible" | "new_form" | "resident";
                            }[];
                            person: {
                                idNumberMasked: string;
                                name: string;
                                regionName: string | null;
                            };
                            summary: {
                                accountFen: number;
                                arrearsFen: number;
                                arrearsMonths: number;
                                contributionMonths: number;
                                dueFen: number;
                                firstMonth: string | null;
                                /** @enum {string} */
                                insuranceType: "enterprise_pension" | "institution_pension" | "resident_pension" | "unemployment" | "work_injury";
                                lastPaidMonth: string | null;
                                paidFen: number;
                            }[];
                            years: number[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/insurance/certificate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载参保缴费凭证（Word） Download my contribution certificate (.docx) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/insurance/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的缴费明细（按月） My contributions by month */
        get: {
            parameters: {
                query?: {
                    insuranceType?: "enterprise_pension" | "institution_pension" | "resident_pension" | "unemployment" | "work_injury";
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            months: {
                                accountFen: number;
                                baseFen: number;
                                dueFen: number;
                                entries: number;
                                feeMonth: string;
                                /** @enum {string} */
                                insuranceType: "enterprise_pension" | "institution_pension" | "resident_pension" | "unemployment" | "work_injury";
                                paidFen: number;
                                periodMonths: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/jobs/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的申请与结果 My applications and their outcomes */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countedAt?: string;
                            items: {
                                createdAt: string;
                                employerName: string;
                                employmentId: number | null;
                                id: number;
                                kind: string;
                                note: string | null;
                                outcomeDate: string | null;
                                score: number;
                                seekerId: number;
                                status: string;
                                vacancyId: number;
                                vacancyTitle: string;
                                version: number;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalCapped?: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 申请岗位 Apply to a vacancy */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string | null;
                        vacancyId: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            improve: {
                                en: string;
                                factor: string;
                                gain: number;
                                zh: string;
                            }[];
                            reasons: {
                                en: string;
                                factor: string;
                                points: number;
                                value: number;
                                weight: number;
                                zh: string;
                            }[];
                            score: number;
                            status: string;
                            vacancyId: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/jobs/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 为我推荐的岗位（含理由） Vacancies matching my profile, with reasons */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                applied: string | null;
                                employerName: string;
                                expiresOn: string;
                                improve: {
                                    en: string;
                                    factor: string;
                                    gain: number;
                                    zh: string;
                                }[];
                                occupationCode: string;
                                occupationName: string | null;
                                reasons: {
                                    en: string;
                                    factor: string;
                                    points: number;
                                    value: number;
                                    weight: number;
                                    zh: string;
                                }[];
                                regionCode: string;
                                regionName: string | null;
                                salaryMax: number;
                                salaryMin: number;
                                score: number;
                                title: string;
                                vacancyId: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/jobs/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的求职信息 My job-seeker profile */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            profile: {
                                availableFrom: string | null;
                                desiredOccupations: string[];
                                desiredRegions: string[];
                                education: string;
                                id: number;
                                idNumberMasked: string;
                                name: string;
                                personId: number;
                                regionCode: string;
                                regionName: string | null;
                                salaryMin: number | null;
                                skills: string[];
                                status: string;
                                updatedAt: string;
                                version: number;
                            } | null;
                        };
                    };
                };
            };
        };
        /** 填写或修改我的求职信息 Create or update my job-seeker profile */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        availableFrom: string | null;
                        desiredOccupations: string[];
                        desiredRegions: string[];
                        /** @enum {string} */
                        education: "none" | "primary" | "junior" | "senior" | "vocational" | "junior_college" | "bachelor" | "master" | "doctor";
                        salaryMin: number | null;
                        skills: string[];
                        /** @enum {string} */
                        status?: "active" | "paused";
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: boolean;
                            profile: {
                                availableFrom: string | null;
                                desiredOccupations: string[];
                                desiredRegions: string[];
                                education: string;
                                id: number;
                                idNumberMasked: string;
                                name: string;
                                personId: number;
                                regionCode: string;
                                regionName: string | null;
                                salaryMin: number | null;
                                skills: string[];
                                status: string;
                                updatedAt: string;
                                version: number;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/jobs/views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 谁看过我的求职信息 Who viewed my profile */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            vacancyId: number | null;
                            vacancyTitle: string | null;
                            viewedAt: string;
                            viewer: string;
                            /** @enum {string} */
                            viewerKind: "employer" | "office";
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/recruit/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 收到的申请与推荐 Applications and referrals to my vacancies */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    status?: "applied" | "interview" | "hired" | "rejected" | "withdrawn";
                    vacancyId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countedAt?: string;
                            items: {
                                candidate: {
                                    ageBand: string;
                                    availableFrom: string | null;
                                    countyName: string | null;
                                    desiredOccupations: {
                                        code: string;
                                        name: string | null;
                                    }[];
                                    education: string;
                                    maskedName: string;
                                    seekerId: number;
                                    skills: string[];
                                } | null;
                                createdAt: string;
                                employerName: string;
                                employmentId: number | null;
                                id: number;
                                kind: string;
                                maskedName: string;
                                note: string | null;
                                outcomeDate: string | null;
                                score: number;
                                seekerId: number;
                                status: string;
                                vacancyId: number;
                                vacancyTitle: string;
                                version: number;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalCapped?: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/recruit/applications/{id}/outcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 邀请面试、不录用或录用（录用即办理就业登记） Invite, reject or hire (a hire registers the employment) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        hasContract?: boolean;
                        note?: string | null;
                        outcomeDate?: string;
                        /** @enum {string} */
                        status: "interview" | "rejected" | "hired";
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            employmentId: number | null;
                            id: number;
                            outcomeDate: string | null;
                            status: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/recruit/vacancies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本单位的岗位 My vacancies */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    sort?: string;
                    status?: "open" | "filled" | "closed" | "expired";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countedAt?: string;
                            items: {
                                description: string;
                                education: string;
                                employerId: number;
                                employerName: string;
                                expiresOn: string;
                                filled: number;
                                headcount: number;
                                id: number;
                                occupationCode: string;
                                occupationName: string | null;
                                regionCode: string;
                                regionName: string | null;
                                salaryMax: number;
                                salaryMin: number;
                                skills: string[];
                                status: string;
                                title: string;
                                updatedAt: string;
                                version: number;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalCapped?: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 发布岗位（与经办发布同样校验与去重） Post a vacancy (the same checks and de-duplication as staff) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        /** @enum {string} */
                        education: "none" | "primary" | "junior" | "senior" | "vocational" | "junior_college" | "bachelor" | "master" | "doctor";
                        expiresOn: string;
                        headcount: number;
                        occupationCode: string;
                        regionCode?: string | null;
                        salaryMax: number;
                        salaryMin: number;
                        skills: string[];
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            description: string;
                            education: string;
                            employerId: number;
                            employerName: string;
                            expiresOn: string;
                            filled: number;
                            headcount: number;
                            id: number;
                            occupationCode: string;
                            occupationName: string | null;
                            regionCode: string;
                            regionName: string | null;
                            salaryMax: number;
                            salaryMin: number;
                            skills: string[];
                            status: string;
                            title: string;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/recruit/vacancies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本单位的岗位详情 One of my vacancies */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            description: string;
                            education: string;
                            employerId: number;
                            employerName: string;
                            expiresOn: string;
                            filled: number;
                            headcount: number;
                            id: number;
                            occupationCode: string;
                            occupationName: string | null;
                            regionCode: string;
                            regionName: string | null;
                            salaryMax: number;
                            salaryMin: number;
                            skills: string[];
                            status: string;
                            title: string;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        /** 修改岗位 Edit a vacancy */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        /** @enum {string} */
                        education: "none" | "primary" | "junior" | "senior" | "vocational" | "junior_college" | "bachelor" | "master" | "doctor";
                        expiresOn: string;
                        headcount: number;
                        occupationCode: string;
                        regionCode?: string | null;
                        salaryMax: number;
                        salaryMin: number;
                        skills: string[];
                        /** @enum {string} */
                        status?: "open" | "closed";
                        title: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            description: string;
                            education: string;
                            employerId: number;
                            employerName: string;
                            expiresOn: string;
                            filled: number;
                            headcount: number;
                            id: number;
                            occupationCode: string;
                            occupationName: string | null;
                            regionCode: string;
                            regionName: string | null;
                            salaryMax: number;
                            salaryMin: number;
                            skills: string[];
                            status: string;
                            title: string;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/recruit/vacancies/{id}/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 岗位的推荐人选（个人信息已脱敏，含理由） Best candidates for my vacancy (masked, with reasons) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                ageBand: string;
                                availableFrom: string | null;
                                countyName: string | null;
                                desiredOccupations: {
                                    code: string;
                                    name: string | null;
                                }[];
                                education: string;
                                improve: {
                                    en: string;
                                    factor: string;
                                    gain: number;
                                    zh: string;
                                }[];
                                maskedName: string;
                                reasons: {
                                    en: string;
                                    factor: string;
                                    points: number;
                                    value: number;
                                    weight: number;
                                    zh: string;
                                }[];
                                score: number;
                                seekerId: number;
                                skills: string[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/recruit/vacancies/{id}/candidates/{seekerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 查看人选（记入对方可见的查看记录） A candidate’s card (logged as a view the seeker sees) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    seekerId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ageBand: string;
                            availableFrom: string | null;
                            countyName: string | null;
                            desiredOccupations: {
                                code: string;
                                name: string | null;
                            }[];
                            education: string;
                            improve: {
                                en: string;
                                factor: string;
                                gain: number;
                                zh: string;
                            }[];
                            maskedName: string;
                            placementId: number | null;
                            placementStatus: string | null;
                            reasons: {
                                en: string;
                                factor: string;
                                points: number;
                                value: number;
                                weight: number;
                                zh: string;
                            }[];
                            score: number;
                            seekerId: number;
                            skills: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/recruit/vacancies/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 关闭岗位 Close a vacancy */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            description: string;
                            education: string;
                            employerId: number;
                            employerName: string;
                            expiresOn: string;
                            filled: number;
                            headcount: number;
                            id: number;
                            occupationCode: string;
                            occupationName: string | null;
                            regionCode: string;
                            regionName: string | null;
                            salaryMax: number;
                            salaryMin: number;
                            skills: string[];
                            status: string;
                            title: string;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/vacancies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 公开岗位搜索（中文分词） Public vacancy search (Chinese word segmentation) */
        get: {
            parameters: {
                query?: {
                    occupation?: string;
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    region?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                description: string;
                                education: string;
                                employerName: string;
                                expiresOn: string;
                                id: number;
                                occupationCode: string;
                                occupationName: string | null;
                                openings: number;
                                regionCode: string;
                                regionName: string | null;
                                salaryMax: number;
                                salaryMin: number;
                                title: string;
                            }[];
                            page: number;
                            pageSize: number;
                            places: {
                                code: string;
                                name: string | null;
                            }[];
                            total: number;
                            words: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/vacancies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 公开岗位详情 A public vacancy */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            description: string;
                            education: string;
                            employerName: string;
                            expiresOn: string;
                            id: number;
                            occupationCode: string;
                            occupationName: string | null;
                            openings: number;
                            regionCode: string;
                            regionName: string | null;
                            salaryMax: number;
                            salaryMin: number;
                            title: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 行政区划（GB/T 2260） Regions */
        get: {
            parameters: {
                query?: {
                    includeRetired?: boolean;
                    parentCode?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            level: string;
                            name: string;
                            parentCode: string | null;
                            replacedBy: string | null;
                            validFrom: string;
                            validTo: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions/layout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 海南市县方块图布局 Tile layout of Hainan */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cols: number;
                            rows: number;
                            tiles: {
                                code: string;
                                col: number;
                                name: string;
                                row: number;
                                shortName: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions/tree": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 数据权限内的地区树 Region tree within scope */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RegionTreeNode"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单位代码表 Employer code lists */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            industries: {
                                code: string;
                                name: string;
                            }[];
                            ownerships: {
                                code: string;
                                name: string;
                            }[];
                            sizes: {
                                code: string;
                                name: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/employers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 用人单位列表 List employers */
        get: {
            parameters: {
                query?: {
                    industry?: string;
                    ownership?: string;
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    regionCode?: string;
                    size?: "large" | "medium" | "small" | "micro";
                    sort?: string;
                    uscc?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countedAt?: string;
                            items: {
                                createdAt: string;
                                id: number;
                                industry: string;
                                industryName: string;
                                name: string;
                                ownership: string;
                                ownershipName: string;
                                regionCode: string;
                                regionName: string | null;
                                size: string;
                                sizeName: string;
                                updatedAt: string;
                                uscc: string;
                                version: number;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalCapped?: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 登记用人单位 Create an employer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        industry: string;
                        name: string;
                        ownership: string;
                        regionCode: string;
                        size: string;
                        uscc: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: number;
                            industry: string;
                            industryName: string;
                            name: string;
                            ownership: string;
                            ownershipName: string;
                            regionCode: string;
                            regionName: string | null;
                            size: string;
                            sizeName: string;
                            updatedAt: string;
                            uscc: string;
                            version: number;
                            warnings: {
                                en: string;
                                field: string;
                                zh: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/employers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 用人单位详情 Employer detail */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: number;
                            industry: string;
                            industryName: string;
                            name: string;
                            ownership: string;
                            ownershipName: string;
                            regionCode: string;
                            regionName: string | null;
                            size: string;
                            sizeName: string;
                            updatedAt: string;
                            uscc: string;
                            version: number;
                        };
                    };
                };
            };
        };
        /** 修改用人单位 Update an employer */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        industry?: string;
                        name?: string;
                        ownership?: string;
                        regionCode?: string;
                        size?: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: number;
                            industry: string;
                            industryName: string;
                            name: string;
                            ownership: string;
                            ownershipName: string;
                            regionCode: string;
                            regionName: string | null;
                            size: string;
                            sizeName: string;
                            updatedAt: string;
                            uscc: string;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/employers/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单位变更历史 Employer history */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            action: string;
                            actorName: string;
                            at: string;
                            changes: {
                                [key: string]: {
                                    from: unknown;
                                    to: unknown;
                                };
                            };
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/employers/{id}/portal-activation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发放单位网上账户激活码（核验执照与授权书后） Issue a portal activation code to an employer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountExists: boolean;
                            code: string;
                            displayName: string;
                            expiresAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/employers/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出用人单位 Export employers */
        get: {
            parameters: {
                query?: {
                    industry?: string;
                    ownership?: string;
                    q?: string;
                    regionCode?: string;
                    size?: "large" | "medium" | "small" | "micro";
                    sort?: string;
                    uscc?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/persons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 人员列表 List persons */
        get: {
            parameters: {
                query?: {
                    flag?: "disability" | "veteran" | "zeroEmploymentHousehold" | "lowIncomeHousehold";
                    gender?: "M" | "F";
                    hukouType?: "urban" | "rural";
                    idNumber?: string;
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    regionCode?: string;
                    sort?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countedAt?: string;
                            items: {
                                birthDate: string;
                                createdAt: string;
                                flags: {
                                    disability: boolean;
                                    lowIncomeHousehold: boolean;
                                    veteran: boolean;
                                    zeroEmploymentHousehold: boolean;
                                };
                                /** @enum {string} */
                                gender: "M" | "F";
                                householdId: string | null;
                                /** @enum {string} */
                                hukouType: "urban" | "rural";
                                id: number;
                                idNumberMasked: string;
                                name: string;
                                phoneMasked: string | null;
                                regionCode: string;
                                regionName: string | null;
                                updatedAt: string;
                                version: number;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalCapped?: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /** 登记人员 Create a person */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        flags?: {
                            disability?: boolean;
                            lowIncomeHousehold?: boolean;
                            veteran?: boolean;
                            zeroEmploymentHousehold?: boolean;
                        };
                        householdId?: string | null;
                        /** @enum {string} */
                        hukouType: "urban" | "rural";
                        idNumber: string;
                        name: string;
                        phone?: string | null;
                        regionCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            birthDate: string;
                            createdAt: string;
                            flags: {
                                disability: boolean;
                                lowIncomeHousehold: boolean;
                                veteran: boolean;
                                zeroEmploymentHousehold: boolean;
                            };
                            /** @enum {string} */
                            gender: "M" | "F";
                            householdId: string | null;
                            /** @enum {string} */
                            hukouType: "urban" | "rural";
                            id: number;
                            idNumberMasked: string;
                            name: string;
                            phoneMasked: string | null;
                            regionCode: string;
                            regionName: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/persons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 人员详情 Person detail */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            birthDate: string;
                            createdAt: string;
                            flags: {
                                disability: boolean;
                                lowIncomeHousehold: boolean;
                                veteran: boolean;
                                zeroEmploymentHousehold: boolean;
                            };
                            /** @enum {string} */
                            gender: "M" | "F";
                            householdId: string | null;
                            /** @enum {string} */
                            hukouType: "urban" | "rural";
                            id: number;
                            idNumberMasked: string;
                            name: string;
                            phoneMasked: string | null;
                            regionCode: string;
                            regionName: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        /** 修改人员 Update a person */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        flags?: {
                            disability?: boolean;
                            lowIncomeHousehold?: boolean;
                            veteran?: boolean;
                            zeroEmploymentHousehold?: boolean;
                        };
                        householdId?: string | null;
                        /** @enum {string} */
                        hukouType?: "urban" | "rural";
                        name?: string;
                        phone?: string | null;
                        regionCode?: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            birthDate: string;
                            createdAt: string;
                            flags: {
                                disability: boolean;
                                lowIncomeHousehold: boolean;
                                veteran: boolean;
                                zeroEmploymentHousehold: boolean;
                            };
                            /** @enum {string} */
                            gender: "M" | "F";
                            householdId: string | null;
                            /** @enum {string} */
                            hukouType: "urban" | "rural";
                            id: number;
                            idNumberMasked: string;
                            name: string;
                            phoneMasked: string | null;
                            regionCode: string;
                            regionName: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/persons/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 人员变更历史 Person history */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            action: string;
                            actorName: string;
                            at: string;
                            changes: {
                                [key: string]: {
                                    from: unknown;
                                    to: unknown;
                                };
                            };
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/persons/{id}/portal-activation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发放个人网上账户激活码（核验身份证后） Issue a portal activation code to a person (after checking the ID card) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountExists: boolean;
                            code: string;
                            displayName: string;
                            expiresAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/persons/{id}/unmask": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 查看完整证件号与手机号（审计） Unmask (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            idNumber: string;
                            phone: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/persons/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出人员（脱敏） Export persons (masked) */
        get: {
            parameters: {
                query?: {
                    flag?: "disability" | "veteran" | "zeroEmploymentHousehold" | "lowIncomeHousehold";
                    gender?: "M" | "F";
                    hukouType?: "urban" | "rural";
                    idNumber?: string;
                    q?: string;
                    regionCode?: string;
                    sort?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        RegionTreeNode: {
            children: components["schemas"]["RegionTreeNode"][];
            code: string;
            level: string;
            name: string;
        };
        RegionTreeNodeInput: {
            children: components["schemas"]["RegionTreeNodeInput"][];
            code: string;
            level: string;
            name: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
